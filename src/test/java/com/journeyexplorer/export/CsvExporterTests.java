package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExporterTests {

    @Test
    void guardsCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvExporter.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvExporter.text("+1")).isEqualTo("'+1");
        assertThat(CsvExporter.text("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvExporter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExporter.text("\tx")).isEqualTo("'\tx");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(CsvExporter.text("Checkout - shipping costs")).isEqualTo("Checkout - shipping costs");
        assertThat(CsvExporter.text("t12")).isEqualTo("t12");
        assertThat(CsvExporter.text("")).isEmpty();
        assertThat(CsvExporter.text(null)).isEmpty();
    }

    @Test
    void dotIdsAreQuotedUnlessPlain() {
        assertThat(DotExporter.dotId("t12")).isEqualTo("t12");
        assertThat(DotExporter.dotId("label:social")).isEqualTo("\"label:social\"");
        assertThat(DotExporter.dotId("label:say \"hi\"")).isEqualTo("\"label:say \\\"hi\\\"\"");
    }
}
