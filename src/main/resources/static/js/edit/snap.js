/* Snapping: a vertex dropped near a vertex of a loaded zone or plot lands on it, whether placed while
   drawing or dragged while editing, so that neighbours share their boundary exactly. Importing this
   module patches Leaflet.draw's vertex editing once. */
import { map, zoneLayer, plotLayer, layerOf } from './layers.js';
import { state } from './state.js';
import { vertices } from './geometry.js';

/** Vertices dropped this close (screen pixels) to a vertex of a loaded zone or plot land on it. */
const SNAP_PX = 10;

/** A vertex of a loaded zone or plot within SNAP_PX of latlng, or latlng itself. */
export function snap(latlng, exclude) {
  const point = map.latLngToContainerPoint(latlng);
  const box = L.latLngBounds(map.containerPointToLatLng(point.subtract([SNAP_PX, SNAP_PX])),
    map.containerPointToLatLng(point.add([SNAP_PX, SNAP_PX])));
  let best = null;
  let bestDistance = SNAP_PX;
  [zoneLayer, plotLayer].forEach((group) => group.getLayers().forEach((layer) => {
    if (layer === exclude || !layer.getBounds().intersects(box)) return;
    vertices(layer.getLatLngs()).forEach((vertex) => {
      const distance = point.distanceTo(map.latLngToContainerPoint(vertex));
      if (distance <= bestDistance) {
        best = vertex;
        bestDistance = distance;
      }
    });
  }));
  return best ? L.latLng(best.lat, best.lng) : latlng;
}

/** Snaps vertices placed while drawing (Leaflet.draw calls addVertex for each click). */
export function snapping(handler) {
  const addVertex = handler.addVertex;
  handler.addVertex = function (latlng) {
    return addVertex.call(this, snap(latlng, null));
  };
  return handler;
}

// A vertex dragged while editing snaps when dropped: Leaflet.draw fires _fireEdit on dragend.
const fireEdit = L.Edit.PolyVerticesEdit.prototype._fireEdit;
L.Edit.PolyVerticesEdit.prototype._fireEdit = function (event) {
  const marker = event && event.target;
  if (marker && marker._origLatLng) {
    const own = state.current && state.current.id != null ? layerOf(state.current.type, state.current.id) : null;
    const snapped = snap(marker.getLatLng(), own);
    if (!snapped.equals(marker.getLatLng())) {
      marker.setLatLng(snapped);
      L.extend(marker._origLatLng, { lat: snapped.lat, lng: snapped.lng });
      if (marker._middleLeft) marker._middleLeft.setLatLng(this._getMiddleLatLng(marker._prev, marker));
      if (marker._middleRight) marker._middleRight.setLatLng(this._getMiddleLatLng(marker, marker._next));
      this._poly.redraw();
    }
  }
  return fireEdit.call(this, event);
};
