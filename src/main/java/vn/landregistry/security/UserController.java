package vn.landregistry.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.ForbiddenException;
import vn.landregistry.shared.InvalidParameterException;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Accounts of the authority and district officers (AUTHORITY_ADMIN only)")
class UserController {

	private final RegistryUsers users;

	private final CurrentUser current;

	UserController(RegistryUsers users, CurrentUser current) {
		this.users = users;
		this.current = current;
	}

	@GetMapping
	@Operation(summary = "Every user with role and the units a local officer answers for")
	List<UserSummary> list() {
		return this.users.list();
	}

	@PostMapping
	@Operation(summary = "Create a user; a local officer (role DISTRICT_OFFICER) needs one or more unit codes",
			description = "units: codes of communes or wards (in charge of clearance since 2025-07-01) or of districts "
					+ "(before); \"districts\" is accepted as the older name of the same list.")
	ResponseEntity<UserSummary> create(@RequestBody NewUser user) {
		UserSummary created = this.users.create(user);
		return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
	}

	/** What an administrator changes of an account: whether it may sign in. */
	record AccountChange(Boolean enabled) {
	}

	@PatchMapping("/{username}")
	@Operation(summary = "Disable or enable a user ({\"enabled\": false}); a disabled user cannot sign in and is signed out",
			description = "404 for an unknown user, 409 (rule own_account) for your own account, 400 without \"enabled\".")
	UserSummary change(@PathVariable String username, @RequestBody AccountChange change) {
		if (change == null || change.enabled() == null) {
			throw new InvalidParameterException("enabled", null, "enabled (true or false) is required");
		}
		return this.users.setEnabled(username, change.enabled(), actor());
	}

	@DeleteMapping("/{username}")
	@Operation(summary = "Delete a user: never signs in again; history keeps naming them and the name is not reused",
			description = "204 when deleted; 404 for an unknown user, 409 (rule own_account) for your own account.")
	ResponseEntity<Void> delete(@PathVariable String username) {
		this.users.delete(username, actor());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	@Operation(summary = "Who is signed in (401 when nobody)")
	RegistryUser me() {
		return this.current.get().orElseThrow();
	}

	private String actor() {
		return this.current.get().map(RegistryUser::username).orElseThrow(() -> new ForbiddenException("sign in first"));
	}

}
