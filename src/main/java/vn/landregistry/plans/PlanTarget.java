package vn.landregistry.plans;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.landregistry.admin.AdminUnit;

/** A target of a province plan, e.g. "29 KCN with 7,840 ha by 2030". */
@Entity
@Table(name = "plan_target")
public class PlanTarget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "region_id")
	private AdminUnit region;

	private String kind;

	private int targetYear;

	private String metric;

	private String comparison;

	private Integer zoneCount;

	@Column(precision = 10, scale = 2)
	private BigDecimal areaHa;

	private String description;

	private String source;

	@Version
	private long version;

	protected PlanTarget() {
	}

	public Long getId() {
		return this.id;
	}

	public AdminUnit getRegion() {
		return this.region;
	}

	public String getKind() {
		return this.kind;
	}

	public int getTargetYear() {
		return this.targetYear;
	}

	public String getMetric() {
		return this.metric;
	}

	public String getComparison() {
		return this.comparison;
	}

	public Integer getZoneCount() {
		return this.zoneCount;
	}

	public BigDecimal getAreaHa() {
		return this.areaHa;
	}

	public String getDescription() {
		return this.description;
	}

	public String getSource() {
		return this.source;
	}

}
