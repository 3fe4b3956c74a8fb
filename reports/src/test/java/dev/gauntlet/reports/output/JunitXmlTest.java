package dev.gauntlet.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.Golden;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitXmlTest {

    @TempDir
    Path tmp;

    @Test
    void matchesTheGoldenFileAndValidatesAgainstTheJenkinsSchema() throws Exception {
        StringWriter xml = new StringWriter();
        JunitXml.write(SampleBoard.board(tmp), xml);

        Golden.assertMatches("junit.xml", xml.toString());
        validate(xml.toString());
    }

    @Test
    void controlCharactersInMessagesAreDroppedSoTheFileStaysXml() throws Exception {
        assertThat(JunitXml.clean("bell\u0007 esc\u001b[31m tab\tok 😀")).isEqualTo("bell esc[31m tab\tok 😀");
    }

    static void validate(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(JunitXmlTest.class.getResource("/junit/jenkins-junit.xsd"))
            .newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
