/**
 * Users, roles, sign-in, CSRF, security headers and the endpoint rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.landregistry.security;
