/**
 * Administrative units (provinces, districts, communes) on a day, before and after the 2025 reform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.landregistry.admin;
