package vn.landregistry.plots;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A lease or reservation of a plot. */
record NewLease(String investorName, String investorCountry, String industry, BigDecimal capitalAmount,
		String capitalCurrency, LocalDate reservedOn, LocalDate signedOn, LocalDate operatingFrom, LocalDate endedOn,
		String note) {
}
