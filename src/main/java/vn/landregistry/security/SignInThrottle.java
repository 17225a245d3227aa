package vn.landregistry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.RecentEvents;

/**
 * Slows down password guessing, on the sign-in form and HTTP Basic alike: after
 * {@code max-failures-per-account} failed sign-ins of one account, or {@code max-failures-per-address}
 * from one client address, within {@code window}, further sign-ins of that account or from that
 * address are refused until the oldest failure leaves the window. Counters live in memory, at most
 * {@code tracked} accounts and as many addresses (the least recently seen are forgotten first); a
 * lock and the refusals it causes are written to sign_in_audit (refusals at most once a minute per
 * account or address, so that a flood does not flood the table).
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	/** Whether a sign-in came through the form or HTTP Basic (as sign_in_audit names it). */
	enum Channel {
		FORM, BASIC
	}

	/** A refusal: what is locked and for how many more seconds. */
	record Refusal(String scope, long retryAfterSeconds) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perAccount;

	private final int perAddress;

	private final RecentEvents accounts;

	private final RecentEvents addresses;

	private final RecentEvents audited;

	SignInThrottle(JdbcClient jdbc, Clock clock,
			@Value("${registry.security.sign-in.max-failures-per-account:5}") int perAccount,
			@Value("${registry.security.sign-in.max-failures-per-address:20}") int perAddress,
			@Value("${registry.security.sign-in.window:15m}") Duration window,
			@Value("${registry.security.sign-in.tracked:10000}") int tracked) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
		this.accounts = new RecentEvents(window, perAccount, tracked);
		this.addresses = new RecentEvents(window, perAddress, tracked);
		this.audited = new RecentEvents(Duration.ofMinutes(1), 1, tracked);
	}

	/** A refusal when the account or the address is locked now (written to the audit), else null. */
	Refusal refusal(String username, String address, Channel channel) {
		Instant now = this.clock.instant();
		String account = account(username);
		long forAccount = account == null ? 0 : this.accounts.waitSeconds(account, this.perAccount, now);
		long forAddress = this.addresses.waitSeconds(address, this.perAddress, now);
		if (forAccount == 0 && forAddress == 0) {
			return null;
		}
		Refusal refusal = forAccount >= forAddress ? new Refusal("ACCOUNT", forAccount) : new Refusal("ADDRESS", forAddress);
		String key = refusal.scope() + ":" + ("ACCOUNT".equals(refusal.scope()) ? account : address);
		if (this.audited.tryAdd(key, 1, now) == 0) {
			audit("REFUSED", refusal.scope(), account, address, channel, null, refusal.retryAfterSeconds());
		}
		return refusal;
	}

	/** Counts a failed sign-in; writes a lock to the audit when this failure reaches a limit. */
	void failed(String username, String address, Channel channel) {
		Instant now = this.clock.instant();
		String account = account(username);
		if (account != null) {
			int failures = this.accounts.add(account, now);
			if (failures == this.perAccount) {
				audit("LOCKED", "ACCOUNT", account, address, channel, failures,
						this.accounts.waitSeconds(account, this.perAccount, now));
			}
		}
		if (address != null) {
			int failures = this.addresses.add(address, now);
			if (failures == this.perAddress) {
				audit("LOCKED", "ADDRESS", account, address, channel, failures,
						this.addresses.waitSeconds(address, this.perAddress, now));
			}
		}
	}

	/** A good password clears the account's failures (not the address's: one's own account must not reset it). */
	void succeeded(String username) {
		String account = account(username);
		if (account != null) {
			this.accounts.forget(account);
		}
	}

	/** Forgets every failure (tests). */
	void reset() {
		this.accounts.clear();
		this.addresses.clear();
		this.audited.clear();
	}

	/** How many accounts and addresses are remembered. */
	int tracked() {
		return this.accounts.size() + this.addresses.size();
	}

	private void audit(String event, String scope, String account, String address, Channel channel, Integer failures,
			long retryAfter) {
		log.warn("sign-in {} ({}): account '{}', address {}, via {}, retry after {} s", event, scope, account, address,
				channel, retryAfter);
		this.jdbc.sql("""
				INSERT INTO sign_in_audit (event, scope, username, address, channel, failures, retry_after_seconds)
				VALUES (:event, :scope, :username, :address, :channel, :failures, :retry)""")
			.param("event", event).param("scope", scope).param("username", account).param("address", address)
			.param("channel", channel.name()).param("failures", failures).param("retry", (int) Math.min(retryAfter, Integer.MAX_VALUE))
			.update();
	}

	/** Accounts are named in lower case (as app_user keeps them); at most 64 characters are kept. */
	private static String account(String username) {
		if (username == null || username.isBlank()) {
			return null;
		}
		String name = username.trim().toLowerCase(Locale.ROOT);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

}
