package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A clearance phase to register: its shape inside one zone and one district, and the first
 * event (the day it was registered; by the signed-in user).
 */
record NewPhase(String zone, String district, String code, String name, JsonNode geometry, LocalDate targetDate,
		Integer householdsAffected, BigDecimal amountPlannedVnd, LocalDate eventDate, String source,
		String note) {
}
