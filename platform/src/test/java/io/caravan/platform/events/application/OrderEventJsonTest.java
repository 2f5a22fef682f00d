package io.caravan.platform.events.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.events.domain.OrderEventHeader;
import io.caravan.platform.events.testsupport.SampleOrders;
import io.caravan.sdk.events.OrderEvent;
import org.junit.jupiter.api.Test;

/** What the outbox stores is what a listener gets, but for the event id: its delivery's. */
class OrderEventJsonTest {
    @Test
    void a_stored_event_comes_back_whole_with_the_delivery_id_as_its_event_id() {
        OrderEvent event = SampleOrders.event("event-1", "order-1", 3, "CANCELLED");
        String json = OrderEventJson.write(event);

        OrderEvent delivered = OrderEventJson.forDelivery(json, "delivery-9");
        assertThat(delivered.eventId()).isEqualTo("delivery-9");
        assertThat(delivered)
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(event);
        assertThat(delivered.cancellation()).isEqualTo(event.cancellation());
        assertThat(OrderEventJson.forDelivery(json, "delivery-9")).isEqualTo(delivered);
    }

    @Test
    void the_header_is_what_ordering_and_subscriptions_need() {
        OrderEvent event = SampleOrders.event("event-2", "order-7", 2, "PLACED");
        assertThat(OrderEventJson.header(event))
                .isEqualTo(new OrderEventHeader(
                        "event-2",
                        "order-7",
                        2,
                        OrderEvent.SCHEMA_VERSION,
                        "PLACED",
                        SampleOrders.EPOCH.plusSeconds(2)));
    }

    @Test
    void the_json_is_the_sandbox_protocols_own() throws Exception {
        OrderEvent event = SampleOrders.event("event-3", "order-7", 1, "PLACED");
        assertThat(OrderEventJson.write(event))
                .isEqualTo(io.caravan.sandbox.protocol.SandboxJson.mapper().writeValueAsString(event));
    }
}
