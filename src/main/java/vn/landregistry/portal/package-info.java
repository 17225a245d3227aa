/**
 * The investor portal: clean land search, zone and plot pages, enquiries and the inbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin", "history", "security", "shared" })
package vn.landregistry.portal;
