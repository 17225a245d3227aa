package vn.landregistry.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Investor portal")
class SuggestionController {

	private final LandSuggestions suggestions;

	private final LandQueries queries;

	private final Clock clock;

	SuggestionController(LandSuggestions suggestions, LandQueries queries, Clock clock) {
		this.suggestions = suggestions;
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/api/portal/land/suggestions")
	@Operation(summary = "What to offer when a search finds nothing",
			description = "The filters of /api/portal/land. largest: the largest plot on offer under the other filters "
					+ "(largestMatchesOtherFilters) or at all; combined: zones where neighbouring plots (at most "
					+ "neighbourMetres apart) add up to minHa, with the plots' ids")
	Map<String, Object> suggestions(@RequestParam Map<String, String> query) {
		return this.suggestions.suggest(this.queries.parse(query, 1), LocalDate.now(this.clock));
	}

}
