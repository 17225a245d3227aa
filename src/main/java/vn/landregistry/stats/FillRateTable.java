package vn.landregistry.stats;

import java.time.LocalDate;
import java.util.List;

record FillRateTable(GroupBy groupBy, LocalDate asOf, String definition, List<FillRateRow> rows, FillRateRow total) {
}
