package io.caravan.plugins.carriers;

/** How a service moves parcels, which decides what goods it takes. */
enum Transport {
    /** By road, rail or sea: dangerous goods in retail quantities are accepted. */
    GROUND,
    /** By air: dangerous goods ({@code HAZARDOUS} lines, e.g. loose lithium batteries) are refused. */
    AIR
}
