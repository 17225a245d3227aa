/* Plain geometry of GeoJSON shapes, in [lon, lat] pairs: no map, no page state. */

/** Rings of a GeoJSON Polygon or MultiPolygon: [[outer, hole...], ...] as [lon, lat] pairs. */
export function polygons(geometry) {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
}

export function insideRing(point, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > point[1]) !== (yj > point[1]) && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inside(point, geometry) {
  return polygons(geometry).some((rings) => insideRing(point, rings[0]) && !rings.slice(1).some((hole) => insideRing(point, hole)));
}

/** Of the zones (GeoJSON features), the one holding most vertices (and the centre) of a drawn plot; null outside every zone. */
export function zoneHolding(geometry, zones) {
  const points = polygons(geometry).flatMap((rings) => rings[0]);
  const centre = L.geoJSON(geometry).getBounds().getCenter();
  points.push([centre.lng, centre.lat]);
  let best = null;
  let bestCount = 0;
  for (const zone of zones) {
    const count = points.filter((point) => inside(point, zone.geometry)).length;
    if (count > bestCount) {
      best = zone;
      bestCount = count;
    }
  }
  return best;
}

/** The vertices of Leaflet's nested latlng arrays, flat. */
export function vertices(latlngs) {
  return Array.isArray(latlngs) ? latlngs.flatMap(vertices) : [latlngs];
}
