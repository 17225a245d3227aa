package vn.landregistry.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.ForbiddenException;

/** What other features may ask about the user of the current request. */
@Component
public class CurrentUser {

	private final RegistryUsers users;

	CurrentUser(RegistryUsers users) {
		this.users = users;
	}

	public Optional<RegistryUser> get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null
				|| "anonymousUser".equals(auth.getPrincipal())) {
			return Optional.empty();
		}
		return this.users.find(auth.getName());
	}

	/** Whether drafts (unpublished data) may be shown: to the authority and district officers. */
	public boolean seesDrafts() {
		return get().isPresent();
	}

	/**
	 * 403 unless the user may write for that unit; the answer names the unit and why (the committee
	 * in charge on the day, {@code inCharge}). A null unit (outside every unit) is the authority's.
	 */
	public RegistryUser requireUnit(Long unitId, String inCharge) {
		RegistryUser user = get().orElseThrow(() -> new ForbiddenException("sign in to make changes"));
		if (unitId == null ? !user.isAuthority() : !user.mayWriteFor(unitId)) {
			throw new ForbiddenException(user.username() + " may not change this: " + inCharge
					+ " is in charge of it on that day, and a local officer writes only for the unit(s) they answer for");
		}
		return user;
	}

}
