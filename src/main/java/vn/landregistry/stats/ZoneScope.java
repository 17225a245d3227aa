package vn.landregistry.stats;

import java.util.Set;

import vn.landregistry.zones.ZoneKind;

/** Which zones a statistic covers; empty sets mean all. */
record ZoneScope(Set<ZoneKind> kinds, Set<String> districts) {
}
