package vn.landregistry.plots;

public enum LandUse {

	INDUSTRIAL, LOGISTICS, SERVICE

}
