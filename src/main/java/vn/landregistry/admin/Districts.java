package vn.landregistry.admin;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about districts. */
@Service
public class Districts {

	private final AdminUnitRepository units;

	Districts(AdminUnitRepository units) {
		this.units = units;
	}

	/** Codes of every district-level unit the registry knows, past or present. */
	@Transactional(readOnly = true)
	public Set<String> codes() {
		return new LinkedHashSet<>(this.units.findCodesByLevel(AdminLevel.DISTRICT));
	}

}
