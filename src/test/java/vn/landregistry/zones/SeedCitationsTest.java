package vn.landregistry.zones;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line a zone cites names the zone: its source, each bare citation in figure_sources
 * ("002_618431115684171d.txt:209", or "001_a10c2ba26ad84cae.txt:185-187" for the lines joined)
 * and every entry of "mentions" are read in the seed documents (a copy in gis/seeds, so that a
 * clean clone can check them) and must hold the zone's name without its kind and without "mở rộng". A citation
 * with a qualifier in brackets supports a province-level figure, and a value starting with "demo"
 * is an invented figure: neither is about the zone, so they are not read. Clearance phases are
 * held to the same rule for their source.
 */
class SeedCitationsTest extends PostgisTest {

	private static final String CITATION = "(00[0-9]_[0-9a-f]{16}\\.txt):([0-9]+)(?:-([0-9]+))?";

	private static final Pattern BARE = Pattern.compile(CITATION);

	private static final Pattern QUALIFIED = Pattern.compile(CITATION + " \\(.+\\)");

	/** Tone marks placed the old way (hoà, thuỷ) and the new way (hòa, thủy) compare equal. */
	private static final String[][] OLD_TONES = { { "oà", "òa" }, { "oá", "óa" }, { "oả", "ỏa" }, { "oã", "õa" },
			{ "oạ", "ọa" }, { "oè", "òe" }, { "oé", "óe" }, { "oẻ", "ỏe" }, { "oẽ", "õe" }, { "oẹ", "ọe" }, { "uỳ", "ùy" },
			{ "uý", "úy" }, { "uỷ", "ủy" }, { "uỹ", "ũy" }, { "uỵ", "ụy" } };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path SEEDS = Path.of("gis", "seeds");

	private static final Map<String, List<String>> FILES = new HashMap<>();

	@BeforeAll
	static void seedsArePresent() {
		assertThat(SEEDS).as("the seed documents, expected at gis/seeds in the repository (%s)",
				SEEDS.toAbsolutePath().normalize()).isDirectory();
	}

	@Test
	void everyLineAZoneCitesNamesIt() {
		List<String> wrong = new ArrayList<>();
		int cited = 0;
		for (Map<String, Object> zone : this.jdbc.sql("SELECT code, name_vi, source, figure_sources::text AS figures FROM zone")
			.query().listOfRows()) {
			String code = (String) zone.get("code");
			String name = coreName((String) zone.get("name_vi"));
			List<String[]> citations = new ArrayList<>();
			if (BARE.matcher((String) zone.get("source")).matches()) {
				citations.add(new String[] { "source", (String) zone.get("source") });
			}
			for (Map.Entry<String, JsonNode> figure : JSON.readTree((String) zone.get("figures")).properties()) {
				JsonNode value = figure.getValue();
				if (value.isArray()) {
					for (JsonNode entry : value) {
						if (!entry.isString() || !BARE.matcher(entry.asString()).matches()) {
							wrong.add(code + " " + figure.getKey() + ": " + entry + " is not a citation");
						}
						else {
							citations.add(new String[] { figure.getKey(), entry.asString() });
						}
					}
				}
				else if (!value.isString()) {
					wrong.add(code + " " + figure.getKey() + ": " + value + " is neither a citation nor a list of them");
				}
				else if (BARE.matcher(value.asString()).matches()) {
					citations.add(new String[] { figure.getKey(), value.asString() });
				}
				else if (!QUALIFIED.matcher(value.asString()).matches() && !value.asString().startsWith("demo")) {
					wrong.add(code + " " + figure.getKey() + ": '" + value.asString()
							+ "' is not a citation, a qualified citation \"file:line (why)\" or a demo figure");
				}
			}
			for (String[] citation : citations) {
				cited++;
				String line = line(citation[1]);
				if (!fold(line).contains(fold(name))) {
					wrong.add(code + " " + citation[0] + ": " + citation[1] + " does not name '" + name + "': " + line);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(cited).as("citations read").isGreaterThan(100);
	}

	@Test
	void everyLineAClearancePhaseCitesNamesItsZone() {
		List<String> wrong = new ArrayList<>();
		for (Map<String, Object> phase : this.jdbc.sql("""
				SELECT z.code || '/' || c.code AS code, z.name_vi, c.source FROM clearance_phase c JOIN zone z ON z.id = c.zone_id
				 WHERE c.demo""").query().listOfRows()) {
			String source = (String) phase.get("source");
			String name = coreName((String) phase.get("name_vi"));
			if (!BARE.matcher(source).matches()) {
				wrong.add(phase.get("code") + ": '" + source + "' is not a citation");
			}
			else if (!fold(line(source)).contains(fold(name))) {
				wrong.add(phase.get("code") + ": " + source + " does not name '" + name + "'");
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** The comparison itself: Unicode forms, case, spacing around hyphens and the placement of tone marks. */
	@Test
	void namesCompareAcrossSpellings() {
		assertThat(fold("KCN Hoà Phú mở rộng")).contains(fold("Hòa Phú"));
		assertThat(fold("Trung Sơn-\n\nNinh Sơn")).isEqualTo(fold("trung sơn - ninh sơn"));
		assertThat(fold(Normalizer.normalize("Thuỷ Yên Sơn- Bắc Lũng", Normalizer.Form.NFD))).isEqualTo(fold("thủy yên sơn - bắc lũng"));
		assertThat(coreName("Khu công nghiệp Việt Hàn mở rộng")).isEqualTo("Việt Hàn");
		assertThat(line("001_a10c2ba26ad84cae.txt:185-187")).contains("Trung Sơn-").endsWith("Tân Mỹ (mở rộng).");
	}

	/** The name of a zone as the documents write it in lists: without its kind and without "mở rộng". */
	static String coreName(String nameVi) {
		return nameVi.replaceFirst("^(Khu|Cụm) công nghiệp ", "").replaceFirst(" mở rộng$", "");
	}

	static String fold(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		folded = folded.replaceAll("\\s*-\\s*", " - ").replaceAll("\\s+", " ").strip();
		for (String[] tone : OLD_TONES) {
			folded = folded.replace(tone[0], tone[1]);
		}
		return folded;
	}

	/** The cited line, or the lines of a range joined by a space. */
	static String line(String citation) {
		Matcher m = BARE.matcher(citation);
		assertThat(m.matches()).as(citation).isTrue();
		List<String> lines = FILES.computeIfAbsent(m.group(1), file -> {
			try {
				return Files.readAllLines(SEEDS.resolve(file), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the seed " + SEEDS.resolve(file).toAbsolutePath(), ex);
			}
		});
		int first = Integer.parseInt(m.group(2));
		int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
		assertThat(first).as(citation).isBetween(1, last);
		assertThat(last).as(citation + ": the file has " + lines.size() + " lines").isLessThanOrEqualTo(lines.size());
		return String.join(" ", lines.subList(first - 1, last)).strip();
	}

}
