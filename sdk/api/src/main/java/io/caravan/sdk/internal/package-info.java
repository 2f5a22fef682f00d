/**
 * Implementation helpers of the SDK's value types. Private to the SDK bundle: not exported, not
 * part of the published API, and free to change in any release.
 */
package io.caravan.sdk.internal;
