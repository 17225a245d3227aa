package vn.landregistry.plans;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanTargetRepository extends JpaRepository<PlanTarget, Long> {

	@EntityGraph(attributePaths = "region")
	List<PlanTarget> findAllByOrderByTargetYearAscKindAscMetricAsc();

}
