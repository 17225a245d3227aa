package vn.landregistry.plans;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plan-targets")
@Tag(name = "Plan targets")
class PlanTargetController {

	private final PlanTargetRepository targets;

	PlanTargetController(PlanTargetRepository targets) {
		this.targets = targets;
	}

	@GetMapping
	@Transactional(readOnly = true)
	@Operation(summary = "Targets of the province plans (counts and hectares of KCN/CCN), with their source")
	List<PlanTargetView> planTargets() {
		return this.targets.findAllByOrderByTargetYearAscKindAscMetricAsc().stream().map(PlanTargetView::of).toList();
	}

	record PlanTargetView(long id, String region, String regionName, String kind, int targetYear, String metric,
			String comparison, Integer zoneCount, BigDecimal areaHa, String description, String source) {

		static PlanTargetView of(PlanTarget t) {
			return new PlanTargetView(t.getId(), t.getRegion().getCode(), t.getRegion().getNameVi(), t.getKind(),
					t.getTargetYear(), t.getMetric(), t.getComparison(), t.getZoneCount(), t.getAreaHa(),
					t.getDescription(), t.getSource());
		}

	}

}
