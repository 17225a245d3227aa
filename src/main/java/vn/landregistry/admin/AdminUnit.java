package vn.landregistry.admin;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.MultiPolygon;

import vn.landregistry.shared.BoundaryAccuracy;

/**
 * A province, district or commune with its validity period: units end and others take over
 * (see table admin_unit_succession) without any change to the code.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@Enumerated(EnumType.STRING)
	private AdminLevel level;

	private String unitType;

	private String nameVi;

	private String nameEn;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private AdminUnit parent;

	private LocalDate validFrom;

	private LocalDate validTo;

	@Column(columnDefinition = "geometry(MultiPolygon,4326)")
	private MultiPolygon boundary;

	@Enumerated(EnumType.STRING)
	private BoundaryAccuracy boundaryAccuracy;

	private String source;

	@Version
	private long version;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Column(insertable = false, updatable = false)
	private Instant updatedAt;

	protected AdminUnit() {
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public AdminLevel getLevel() {
		return this.level;
	}

	public String getUnitType() {
		return this.unitType;
	}

	public String getNameVi() {
		return this.nameVi;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public AdminUnit getParent() {
		return this.parent;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public LocalDate getValidTo() {
		return this.validTo;
	}

	public MultiPolygon getBoundary() {
		return this.boundary;
	}

	public BoundaryAccuracy getBoundaryAccuracy() {
		return this.boundaryAccuracy;
	}

	public String getSource() {
		return this.source;
	}

	public long getVersion() {
		return this.version;
	}

	/** Whether the unit was in force on {@code day}. */
	public boolean isValidOn(LocalDate day) {
		return (this.validFrom == null || !day.isBefore(this.validFrom))
				&& (this.validTo == null || !day.isAfter(this.validTo));
	}

}
