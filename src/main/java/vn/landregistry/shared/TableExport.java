package vn.landregistry.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes a statistics table (a list of records, one column per component) as CSV or XLSX, or
 * leaves it to be answered as JSON.
 */
public final class TableExport {

	public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public enum Format {

		JSON, CSV, XLSX

	}

	private TableExport() {
	}

	public static Format format(String text) {
		if (text == null || text.isBlank()) {
			return Format.JSON;
		}
		try {
			return Format.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("format", text, "format must be json, csv or xlsx");
		}
	}

	/** The JSON body as it is, or the rows as a file named {@code name}.csv / .xlsx. */
	public static ResponseEntity<?> answer(Format format, String name, Object json, List<? extends Record> rows,
			Class<? extends Record> type) {
		return answer(format, name, json, rows, type, UnaryOperator.identity());
	}

	/** As above, the files' first row holding {@code titles} of the field names. */
	public static ResponseEntity<?> answer(Format format, String name, Object json, List<? extends Record> rows,
			Class<? extends Record> type, UnaryOperator<String> titles) {
		return switch (format) {
			case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
			case CSV -> file(CSV, name + ".csv", csv(rows, type, titles));
			case XLSX -> file(XLSX, name + ".xlsx", xlsx(name, rows, type, titles));
		};
	}

	private static ResponseEntity<byte[]> file(MediaType type, String filename, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	static byte[] csv(List<? extends Record> rows, Class<? extends Record> type) {
		return csv(rows, type, UnaryOperator.identity());
	}

	static byte[] csv(List<? extends Record> rows, Class<? extends Record> type, UnaryOperator<String> titles) {
		RecordComponent[] columns = type.getRecordComponents();
		// A byte-order mark so that spreadsheet programs read Vietnamese text as UTF-8.
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", Arrays.stream(columns).map(c -> csvCell(titles.apply(c.getName()))).toList()))
			.append("\r\n");
		for (Record row : rows) {
			for (int i = 0; i < columns.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append(csvCell(value(row, columns[i])));
			}
			out.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String csvCell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Number || value instanceof LocalDate || value instanceof Enum<?>) {
			return value.toString();
		}
		String text = value.toString();
		// Text that a spreadsheet would run as a formula is quoted with a leading apostrophe.
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	static byte[] xlsx(String sheet, List<? extends Record> rows, Class<? extends Record> type) {
		return xlsx(sheet, rows, type, UnaryOperator.identity());
	}

	static byte[] xlsx(String sheet, List<? extends Record> rows, Class<? extends Record> type,
			UnaryOperator<String> titles) {
		RecordComponent[] columns = type.getRecordComponents();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "kcn-registry", "1.0");
			Worksheet ws = workbook.newWorksheet(sheet.length() > 31 ? sheet.substring(0, 31) : sheet);
			for (int c = 0; c < columns.length; c++) {
				ws.value(0, c, titles.apply(columns[c].getName()));
				ws.style(0, c).bold().set();
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < columns.length; c++) {
					Object value = value(rows.get(r), columns[c]);
					if (value instanceof Number number) {
						ws.value(r + 1, c, number);
						if (columns[c].getName().endsWith("Rate") || columns[c].getName().endsWith("Progress")) {
							ws.style(r + 1, c).format("0.00%").set();
						}
					}
					else if (value instanceof LocalDate date) {
						ws.value(r + 1, c, date);
						ws.style(r + 1, c).format("yyyy-mm-dd").set();
					}
					else if (value != null) {
						ws.value(r + 1, c, value.toString());
					}
				}
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Object value(Record row, RecordComponent column) {
		try {
			// rows are package-private records of the feature that answers; reading them needs access
			java.lang.reflect.Method accessor = column.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(row);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read " + column.getName(), ex);
		}
	}

}
