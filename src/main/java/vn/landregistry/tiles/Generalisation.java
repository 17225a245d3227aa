package vn.landregistry.tiles;

import java.util.List;

/**
 * What a layer's tiles draw over a range of zooms, where they draw less than every record
 * (mvt_plot_level(), migrations/V22): {@code level} is also the features' {@code level} attribute.
 */
record Generalisation(String level, int minZoom, int maxZoom, String content, List<String> fields) {
}
