package vn.landregistry.plots;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import vn.landregistry.history.VersionedTable;
import vn.landregistry.shared.InvalidParameterException;

/** Fields to change on a plot (absent ones stay), based on the version the editor read. */
record PlotChange(Long version, String code, LandUse landUse, LocalDate clearedOn, JsonNode geometry, String note,
		@Schema(description = "true publishes an unpublished plot. A published plot cannot be unpublished this way "
				+ "(false: 422); delete it instead.")
		Boolean publish,
		@Schema(description = "Change of a published plot: true keeps the change as a draft (GET/DELETE "
				+ "/api/plots/{id}/draft), checked like a direct edit; the public keeps seeing the published plot "
				+ "until POST /api/plots/{id}/publish. On an unpublished plot the change is saved directly.")
		Boolean draft,
		String reason) implements VersionedTable.Change {

	PlotChange withVersion(long based) {
		return new PlotChange(based, code, landUse, clearedOn, geometry, note, publish, draft, reason);
	}

	/** Whether the change is to be kept as a draft; 400 when it asks to be published too. */
	@Override
	public boolean asDraft() {
		if (Boolean.TRUE.equals(this.draft) && Boolean.TRUE.equals(this.publish)) {
			throw new InvalidParameterException("draft", "true", "draft and publish exclude each other: give one of them");
		}
		return Boolean.TRUE.equals(this.draft);
	}

	String geoJson() {
		return this.geometry == null || this.geometry.isNull() ? null : this.geometry.toString();
	}

}
