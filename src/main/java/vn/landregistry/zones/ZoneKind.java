package vn.landregistry.zones;

/** KCN: khu công nghiệp (industrial zone); CCN: cụm công nghiệp (industrial cluster). */
public enum ZoneKind {

	KCN, CCN

}
