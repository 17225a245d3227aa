package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.util.Map;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.UnprocessableException;

/**
 * The figures and dates a step gives, checked before they are applied: no negative count or
 * amount, a new target date not before the step, a new plan decision date not after it. A value
 * sent again unchanged is not new: a client may send the whole state back.
 */
final class StepDates {

	private StepDates() {
	}

	static void check(ProgressStep step, PhaseState now) {
		notNegative("householdsAffected", step.householdsAffected());
		notNegative("householdsRelocated", step.householdsRelocated());
		notNegative("amountPlannedVnd", step.amountPlannedVnd());
		notNegative("amountPaidVnd", step.amountPaidVnd());
		if (step.targetDate() != null && !step.targetDate().equals(now.targetDate())
				&& step.targetDate().isBefore(step.eventDate())) {
			throw new UnprocessableException("target_before_step", "targetDate " + step.targetDate()
					+ " is before the date of this step (" + step.eventDate() + "): a new target lies ahead of the step that sets it",
					Map.of("parameter", "targetDate", "eventDate", step.eventDate().toString()));
		}
		if (step.planDecisionDate() != null && !step.planDecisionDate().equals(now.planDecisionDate())
				&& step.planDecisionDate().isAfter(step.eventDate())) {
			throw new UnprocessableException("decision_after_step", "planDecisionDate " + step.planDecisionDate()
					+ " is after the date of this step (" + step.eventDate() + "): record the decision once it is signed",
					Map.of("parameter", "planDecisionDate", "eventDate", step.eventDate().toString()));
		}
		if (step.planDecisionNo() != null && step.planDecisionNo().length() > 100) {
			throw new InvalidParameterException("planDecisionNo", null, "planDecisionNo is longer than 100 characters");
		}
	}

	private static void notNegative(String name, Number value) {
		if (value != null && new BigDecimal(value.toString()).signum() < 0) {
			throw new InvalidParameterException(name, value.toString(), name + " cannot be negative");
		}
	}

}
