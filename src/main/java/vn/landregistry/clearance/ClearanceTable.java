package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.landregistry.clearance.ClearanceProperties.Figure;

/** Clearance figures by group; {@code hiddenFigures} names those left empty for this reader. */
record ClearanceTable(ClearanceGroupBy groupBy, LocalDate asOf, String definition, List<ClearanceRow> rows,
		ClearanceRow total, List<String> hiddenFigures) {

	ClearanceTable withheld(Set<Figure> hidden) {
		if (hidden.isEmpty()) {
			return this;
		}
		return new ClearanceTable(this.groupBy, this.asOf, this.definition,
				this.rows.stream().map(r -> r.without(hidden)).toList(), this.total == null ? null : this.total.without(hidden),
				ClearanceFigures.names(hidden));
	}

}
