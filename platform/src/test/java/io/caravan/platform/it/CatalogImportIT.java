package io.caravan.platform.it;

import static io.caravan.platform.catalog.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.CatalogHttp;
import io.caravan.platform.catalog.CatalogHttp.Reply;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The CSV import: thousands of rows, whole or nothing, each bad row named, limits (both databases). */
class CatalogImportIT extends PlatformIT {
    static final String HEADER =
            "handle,title,categories,status,tax_category,sku,option1_name,option1_value,price_EUR,price_USD,"
                    + "weight_g,hs_code,origin,flags,stock_rotterdam\n";

    /** {@code products} products of two variants each. */
    static String catalogue(int products) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int p = 0; p < products; p++) {
            for (String colour : new String[] {"Blue", "Green"}) {
                csv.append("mug-")
                        .append(p)
                        .append(",\"Mug ")
                        .append(p)
                        .append(", hand-made\",mugs|tableware,ACTIVE,")
                        .append("STANDARD,MUG-")
                        .append(p)
                        .append('-')
                        .append(colour)
                        .append(",Colour,")
                        .append(colour)
                        .append(',')
                        .append(1800 + p)
                        .append(',')
                        .append(2000 + p)
                        .append(",420,691200,PT,FRAGILE,")
                        .append(p % 7)
                        .append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void aFileOfFiveThousandRowsImportsAndImportingItAgainChangesNothingButUpdates() {
        String slug = Stores.uniqueSlug("cat-import");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        assertThat(owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1))
                        .status())
                .isEqualTo(201);
        String csv = catalogue(2_500);

        Reply imported = owner.csv(store + "/products/imports", HttpRequest.BodyPublishers.ofString(csv));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonObject report = imported.json();
        assertThat(report.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(report.getInt("rowsRead")).isEqualTo(5_000);
        assertThat(report.getInt("rowsValid")).isEqualTo(5_000);
        assertThat(report.getInt("products")).isEqualTo(2_500);
        assertThat(report.getInt("variants")).isEqualTo(5_000);
        assertThat(owner.get(store + "/products?size=1").json().getInt("total")).isEqualTo(2_500);
        Reply resource = owner.get(imported.header("Location").replaceFirst("^.*?/api/", "api/"));
        assertThat(resource.status()).isEqualTo(200);
        assertThat(resource.json().getString("status")).isEqualTo("SUCCEEDED");

        JsonObject mug = owner.get(store + "/products?q=mug-41&size=5").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(p -> p.getString("handle").equals("mug-41"))
                .findFirst()
                .orElseThrow();
        assertThat(mug.getString("title")).isEqualTo("Mug 41, hand-made");
        assertThat(mug.getJsonArray("variants")).hasSize(2);
        assertThat(owner.get(store + "/stock/rotterdam/MUG-41-Blue").json().getInt("onHand"))
                .isEqualTo(41 % 7);

        // the same file with one price changed: an upsert by handle and SKU, no duplicates
        Reply again = owner.csv(
                store + "/products/imports",
                HttpRequest.BodyPublishers.ofString(csv.replace(",1841,2041,", ",9999,2041,")));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(owner.get(store + "/products?size=1").json().getInt("total")).isEqualTo(2_500);
        JsonObject updated = owner.get(store + "/products?q=MUG-41-Blue")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(updated.getJsonArray("variants")
                        .getJsonObject(0)
                        .getJsonObject("prices")
                        .getInt("EUR"))
                .isEqualTo(9999);
    }

    @Test
    void oneBadRowImportsNothingAndTheReportNamesEachRowAndColumn() {
        String slug = Stores.uniqueSlug("cat-import-bad");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        String[] lines = catalogue(500).split("\n");
        // row 700 (line 701): a price that is not a number, and a stock level below zero
        lines[700] =
                lines[700].replaceFirst(",(\\d+),(\\d+),420,", ",12.50,$2,420,").replaceFirst(",\\d+$", ",-3");
        // row 900: an HS code with dots, and a SKU also on row 899
        lines[900] = lines[899].replace("691200", "69.12.00");
        String csv = String.join("\n", Arrays.asList(lines)) + "\n";

        Reply refused = owner.csv(store + "/products/imports", HttpRequest.BodyPublishers.ofString(csv));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.errorFields())
                .containsExactly("row 700: price_EUR", "row 700: stock_rotterdam", "row 900: hs_code", "row 900: sku");
        assertThat(refused.json().getString("detail")).contains("nothing was imported");
        assertThat(owner.get(store + "/products?size=1").json().getInt("total")).isZero();
        assertThat(owner.get(store + "/stock").array()).isEmpty();

        String importId = refused.json().getString("detail").replaceAll("(?s).*the import ([0-9a-f-]{36}).*", "$1");
        JsonObject report = owner.get(store + "/products/imports/" + importId).json();
        assertThat(report.getString("status")).isEqualTo("FAILED");
        assertThat(report.getInt("rowsRead")).isEqualTo(1_000);
        assertThat(report.getInt("rowsValid")).isEqualTo(998);
        assertThat(report.getInt("errorCount")).isEqualTo(4);
        assertThat(report.getJsonArray("errors").getJsonObject(0).getInt("row")).isEqualTo(700);
    }

    @Test
    void aBadHeaderIsNamedAndAnOversizedFileIsRefusedWith413() {
        String slug = Stores.uniqueSlug("cat-import-limits");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        Reply header = owner.csv(
                store + "/products/imports",
                HttpRequest.BodyPublishers.ofString(
                        "handle,title,colour,price_EURO,stock_nowhere\nmug,Mug,Blue,1,1\n"));
        assertThat(header.status()).as(header.toString()).isEqualTo(422);
        assertThat(header.errorFields()).containsExactlyInAnyOrder("colour", "price_EURO", "stock_nowhere", "sku");

        byte[] row = "mug,Mug,MUG-1,1800\n".getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[21 * 1024 * 1024];
        byte[] head = "handle,title,sku,price_EUR\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        for (int at = head.length; at + row.length <= big.length; at += row.length) {
            System.arraycopy(row, 0, big, at, row.length);
        }
        Reply tooLarge = owner.csv(store + "/products/imports", HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(owner.get(store + "/products?size=1").json().getInt("total")).isZero();
    }
}
