package vn.landregistry.admin;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

	List<AdminUnit> findByLevelOrderByCode(AdminLevel level);

	Optional<AdminUnit> findByCode(String code);

	/** Codes only: validating a parameter need not load every boundary. */
	@Query("select u.code from AdminUnit u where u.level = :level order by u.code")
	List<String> findCodesByLevel(AdminLevel level);

}
