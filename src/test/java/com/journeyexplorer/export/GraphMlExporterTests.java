package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GraphMlExporterTests {

    @Test
    void idsBecomeNameTokensThatDecodeBackAndStayDistinct() {
        assertThat(GraphMlExporter.nameToken("t12")).isEqualTo("t12");
        assertThat(GraphMlExporter.nameToken("label:web_shop.v2")).isEqualTo("label:web_shop.v2");
        assertThat(GraphMlExporter.nameToken("t5->t8:post")).isEqualTo("t5-_x003E_t8:post");
        assertThat(GraphMlExporter.nameToken("label:Caf\u00e9 \uD83D\uDED2"))
                .isEqualTo("label:Caf_x00E9__x0020__x1F6D2_");
        List<String> ids = List.of("label:a b", "label:a_x0020_b", "label:a_x", "label:_x_", "label:\"]]>\\", "label:");
        for (String id : ids) {
            String token = GraphMlExporter.nameToken(id);
            assertThat(token).as(id).matches("[A-Za-z0-9.:_-]+");
            assertThat(GraphExportChecks.fromNameToken(token)).as(id).isEqualTo(id);
        }
        assertThat(ids.stream().map(GraphMlExporter::nameToken).distinct()).hasSize(ids.size());
    }
}
