package vn.landregistry.clearance;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.landregistry.clearance.ClearanceProperties.Figure;
import vn.landregistry.security.CurrentUser;

/** Which of the settable figures the reader of this request sees: all of them once signed in. */
@Component
class ClearanceFigures {

	private final ClearanceProperties properties;

	private final CurrentUser user;

	ClearanceFigures(ClearanceProperties properties, CurrentUser user) {
		this.properties = properties;
		this.user = user;
	}

	Set<Figure> hidden() {
		return hidden(this.user.seesDrafts());
	}

	Set<Figure> hidden(boolean signedIn) {
		EnumSet<Figure> hidden = EnumSet.allOf(Figure.class);
		if (signedIn) {
			return EnumSet.noneOf(Figure.class);
		}
		hidden.removeAll(this.properties.publicFigures());
		return hidden;
	}

	/** The names of the hidden figures, as the answers list them: households, amounts. */
	static List<String> names(Set<Figure> figures) {
		return figures.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
	}

}
