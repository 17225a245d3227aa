import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader: objects, arrays, strings, numbers (as Double), booleans and null. */
final class Json {

	private final String s;

	private int i;

	Json(String s) {
		this.s = s;
	}

	Object parse() {
		Object value = value();
		space();
		if (this.i != this.s.length()) {
			throw new IllegalArgumentException("trailing characters at " + this.i);
		}
		return value;
	}

	private Object value() {
		space();
		char c = this.s.charAt(this.i);
		switch (c) {
			case '{': {
				Map<String, Object> map = new LinkedHashMap<>();
				this.i++;
				space();
				if (this.s.charAt(this.i) == '}') {
					this.i++;
					return map;
				}
				while (true) {
					space();
					String key = string();
					space();
					expect(':');
					map.put(key, value());
					space();
					if (this.s.charAt(this.i) == ',') {
						this.i++;
						continue;
					}
					expect('}');
					return map;
				}
			}
			case '[': {
				List<Object> list = new ArrayList<>();
				this.i++;
				space();
				if (this.s.charAt(this.i) == ']') {
					this.i++;
					return list;
				}
				while (true) {
					list.add(value());
					space();
					if (this.s.charAt(this.i) == ',') {
						this.i++;
						continue;
					}
					expect(']');
					return list;
				}
			}
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default: {
				int start = this.i;
				while (this.i < this.s.length() && "+-0123456789.eE".indexOf(this.s.charAt(this.i)) >= 0) {
					this.i++;
				}
				return Double.valueOf(this.s.substring(start, this.i));
			}
		}
	}

	private Object literal(String word, Object value) {
		if (!this.s.startsWith(word, this.i)) {
			throw new IllegalArgumentException("bad literal at " + this.i);
		}
		this.i += word.length();
		return value;
	}

	private String string() {
		expect('"');
		StringBuilder sb = new StringBuilder();
		while (true) {
			char c = this.s.charAt(this.i++);
			if (c == '"') {
				return sb.toString();
			}
			if (c == '\\') {
				char e = this.s.charAt(this.i++);
				switch (e) {
					case 'n' -> sb.append('\n');
					case 't' -> sb.append('\t');
					case 'r' -> sb.append('\r');
					case 'b' -> sb.append('\b');
					case 'f' -> sb.append('\f');
					case 'u' -> {
						sb.append((char) Integer.parseInt(this.s.substring(this.i, this.i + 4), 16));
						this.i += 4;
					}
					default -> sb.append(e);
				}
			}
			else {
				sb.append(c);
			}
		}
	}

	private void expect(char c) {
		if (this.s.charAt(this.i) != c) {
			throw new IllegalArgumentException("expected '" + c + "' at " + this.i);
		}
		this.i++;
	}

	private void space() {
		while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
			this.i++;
		}
	}

}
