package vn.landregistry.portal;

/** When land can be taken: cleared now, or once its clearance is done. */
enum Readiness {

	NOW, LATER, ANY

}
