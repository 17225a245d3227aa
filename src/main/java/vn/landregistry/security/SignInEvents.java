package vn.landregistry.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells {@link SignInThrottle} of every failed and every good sign-in, form or HTTP Basic. */
@Component
class SignInEvents {

	private final SignInThrottle throttle;

	SignInEvents(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest() : null;
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : request == null ? null : request.getRemoteAddr();
		SignInThrottle.Channel channel = request != null && SignInRequests.isFormSignIn(request)
				? SignInThrottle.Channel.FORM : SignInThrottle.Channel.BASIC;
		this.throttle.failed(event.getAuthentication().getName(), address, channel);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName());
	}

}
