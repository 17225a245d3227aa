package vn.landregistry.zones;

import java.math.BigDecimal;
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

import vn.landregistry.admin.AdminUnit;
import vn.landregistry.shared.BoundaryAccuracy;

/** An industrial zone (KCN) or cluster (CCN) with its plan status and boundary. */
@Entity
@Table(name = "zone")
public class Zone {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ZoneKind kind;

	private String code;

	private String nameVi;

	private String nameEn;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "district_id")
	private AdminUnit district;

	private String communes;

	@Enumerated(EnumType.STRING)
	private PlanStatus planStatus;

	@Enumerated(EnumType.STRING)
	private Lifecycle lifecycle;

	@Column(precision = 10, scale = 2)
	private BigDecimal legalAreaHa;

	@Column(columnDefinition = "geometry(MultiPolygon,4326)")
	private MultiPolygon boundary;

	@Enumerated(EnumType.STRING)
	private BoundaryAccuracy boundaryAccuracy;

	private String developer;

	private String decisionNo;

	private LocalDate decisionDate;

	private String note;

	private String source;

	@Version
	private long version;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Column(insertable = false, updatable = false)
	private Instant updatedAt;

	protected Zone() {
	}

	public Long getId() {
		return this.id;
	}

	public ZoneKind getKind() {
		return this.kind;
	}

	public String getCode() {
		return this.code;
	}

	public String getNameVi() {
		return this.nameVi;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public AdminUnit getDistrict() {
		return this.district;
	}

	public String getCommunes() {
		return this.communes;
	}

	public PlanStatus getPlanStatus() {
		return this.planStatus;
	}

	public Lifecycle getLifecycle() {
		return this.lifecycle;
	}

	public BigDecimal getLegalAreaHa() {
		return this.legalAreaHa;
	}

	public MultiPolygon getBoundary() {
		return this.boundary;
	}

	public BoundaryAccuracy getBoundaryAccuracy() {
		return this.boundaryAccuracy;
	}

	public String getDeveloper() {
		return this.developer;
	}

	public String getDecisionNo() {
		return this.decisionNo;
	}

	public LocalDate getDecisionDate() {
		return this.decisionDate;
	}

	public String getNote() {
		return this.note;
	}

	public String getSource() {
		return this.source;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
