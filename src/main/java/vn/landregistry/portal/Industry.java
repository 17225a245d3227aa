package vn.landregistry.portal;

/** Industries a zone attracts (zone.industries); their names are in the message bundles (portal.industry.*). */
public enum Industry {

	MECHANICAL, ELECTRONICS, AGRO_FOOD, TEXTILE_FOOTWEAR, ENERGY, LOGISTICS, OTHER

}
