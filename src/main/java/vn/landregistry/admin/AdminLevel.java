package vn.landregistry.admin;

public enum AdminLevel {

	PROVINCE, DISTRICT, COMMUNE

}
