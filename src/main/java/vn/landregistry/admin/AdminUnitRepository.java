package vn.landregistry.admin;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

	List<AdminUnit> findByLevelOrderByCode(AdminLevel level);

	Optional<AdminUnit> findByCode(String code);

}
