package vn.landregistry.shared;

/**
 * A page of a list answer: {@code limit} items after the first {@code offset}. Both are bounded,
 * so that no request asks the database for an unbounded answer and offset + limit stays an int.
 */
public record Paging(int limit, int offset) {

	/** Far beyond any page a person reads. */
	public static final int MAX_OFFSET = 1_000_000;

	/** The page asked for, or the first page of {@code defaultLimit}; a bad value is a 400 naming it. */
	public static Paging of(Integer limit, Integer offset, int defaultLimit, int maxLimit) {
		int size = limit == null ? defaultLimit : limit;
		if (size < 1 || size > maxLimit) {
			throw new InvalidParameterException("limit", String.valueOf(limit), InvalidParameterException.RANGE, "limit is 1 to " + maxLimit);
		}
		int skip = offset == null ? 0 : offset;
		if (skip < 0 || skip > MAX_OFFSET) {
			throw new InvalidParameterException("offset", String.valueOf(offset), InvalidParameterException.RANGE,
					"offset is 0 to " + MAX_OFFSET);
		}
		return new Paging(size, skip);
	}

	public int nextOffset() {
		return this.offset + this.limit;
	}

}
