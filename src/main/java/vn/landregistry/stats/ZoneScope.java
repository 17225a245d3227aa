package vn.landregistry.stats;

import java.util.Set;

import vn.landregistry.zones.ZoneKind;

/** Which zones a statistic covers: kinds, and units (of any level and period) they lie in; empty sets mean all. */
record ZoneScope(Set<ZoneKind> kinds, Set<String> units) {
}
