package dev.billfold.fxrate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The ECB's daily reference rates (eurofxref-daily.xml): one {@code Cube time="..."} holding a
 * {@code Cube currency="USD" rate="1.0516"} per currency, each 1 EUR = rate. Crosses are derived later, via EUR.
 */
final class EcbRateSource {

    static final String NAME = "ECB";
    private static final Currency EUR = Currency.getInstance("EUR");

    private EcbRateSource() {
    }

    static RateSource at(URI address, FeedReader reader) {
        return new FeedRateSource(NAME, address, reader, EcbRateSource::parse);
    }

    static List<PublishedRate> parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // A rate feed has no business with a DTD or external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList cubes = document.getElementsByTagNameNS("*", "Cube");
            if (cubes.getLength() == 0) {
                cubes = document.getElementsByTagName("Cube");
            }
            LocalDate date = null;
            var rates = new ArrayList<PublishedRate>();
            for (int i = 0; i < cubes.getLength(); i++) {
                var cube = (Element) cubes.item(i);
                if (cube.hasAttribute("time")) {
                    if (date != null) {
                        throw new RateFeedException("The ECB feed has more than one day; expected the daily file");
                    }
                    date = LocalDate.parse(cube.getAttribute("time"));
                } else if (cube.hasAttribute("currency")) {
                    if (date == null) {
                        throw new RateFeedException("The ECB feed has a rate outside a dated Cube");
                    }
                    var pair = new CurrencyPair(EUR, Currency.getInstance(cube.getAttribute("currency")));
                    rates.add(new PublishedRate(NAME, pair, new BigDecimal(cube.getAttribute("rate")), date));
                }
            }
            if (rates.isEmpty()) {
                throw new RateFeedException("The ECB feed has no rates");
            }
            return List.copyOf(rates);
        } catch (RateFeedException e) {
            throw e;
        } catch (Exception e) {
            throw new RateFeedException("The ECB feed did not parse: " + e.getMessage(), e);
        }
    }
}
