/* The registry's history names database columns: which of them an editor reads, and by what label.
   The pending draft's box and the history tab both use these. */
import { t } from '../common.js';

export const HIDDEN_COLUMNS = ['id', 'created_at', 'updated_at', 'version', 'area_ha', 'figure_sources', 'demo'];
const COLUMN_LABELS = {
  kind: 'edit.f.kind', code: 'field.code', name_vi: 'edit.f.name', name_en: 'edit.f.nameEn', district_id: 'field.district',
  communes: 'field.communes', plan_status: 'field.planStatus', lifecycle: 'field.lifecycle', legal_area_ha: 'field.legalAreaHa',
  boundary: 'edit.h.boundary', boundary_accuracy: 'edit.f.boundaryAccuracy', boundary_note: 'edit.f.boundaryNote',
  developer: 'field.developer', decision_no: 'edit.f.decisionNo', decision_date: 'edit.f.decisionDate', note: 'field.note',
  source: 'field.source', published: 'edit.h.published', deleted_at: 'edit.h.deleted', land_use: 'field.landUse',
  cleared_on: 'field.clearedOn', zone_id: 'field.zone', lease_land_ha: 'field.leaseLandHa', other_land_ha: 'edit.h.otherLand',
  parent_id: 'edit.h.col.parent', plan_period: 'edit.h.col.planPeriod', industries: 'edit.h.col.industries',
  lease_price_min_usd: 'edit.h.col.priceMin', lease_price_max_usd: 'edit.h.col.priceMax',
  infrastructure_note: 'edit.h.col.infrastructure', contact_name: 'edit.h.col.contactName',
  contact_phone: 'edit.h.col.contactPhone', contact_email: 'edit.h.col.contactEmail', internal_note: 'edit.h.col.internalNote',
  last_lease_from: 'edit.h.col.lastLeaseFrom', last_lease_signed_on: 'edit.h.col.lastLeaseSigned',
  last_lease_operating_from: 'edit.h.col.lastLeaseOperating'
};
export const HECTARE_COLUMNS = ['legal_area_ha', 'lease_land_ha', 'other_land_ha'];

/** A column's label in the page's language; a column without one, in words rather than as a database name. */
export function columnLabel(column) {
  if (COLUMN_LABELS[column]) return t(COLUMN_LABELS[column]);
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
