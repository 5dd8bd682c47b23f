package dev.billfold.statement;

import dev.billfold.base.Money;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * camt.053 and camt.054 read with StAX, one {@code <Ntry>} bound at a time into a {@link StatementEntry}, so the heap
 * holds one entry whatever the file's size. A DOCTYPE is refused as soon as it is seen, before the root element, so
 * no entity is ever declared, resolved or expanded; DTD support and external entities are off in the factory as well.
 * Only the fields matching needs are bound; the element paths are those of 001.02 and 001.08 (which wraps the
 * debtor in {@code Pty}), DD-062.
 */
final class CamtReader {

    private static final XMLInputFactory FACTORY = factory();

    private static final int MAX_TEXT = 1000;

    private CamtReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External entities are not read");
        });
        return factory;
    }

    /** Reads the whole file, handing every entry to {@code sink}; returns the format and the number of entries. */
    static StatementFormat read(InputStream in, EntrySink sink) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            return readDocument(xml, sink);
        } catch (XMLStreamException e) {
            throw new StatementFileException("The file is not well-formed XML"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")") + ".");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader that already failed.
                }
            }
        }
    }

    private static StatementFormat readDocument(XMLStreamReader xml, EntrySink sink) throws XMLStreamException {
        int event = xml.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new StatementFileException("The file declares a DOCTYPE; statements with a DOCTYPE are refused"
                        + " unread.");
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new StatementFileException("The file has no XML element.");
            }
            event = xml.next();
        }
        String namespace = xml.getNamespaceURI();
        StatementFormat format = namespace == null ? null : StatementFormat.ofNamespace(namespace);
        if (!"Document".equals(xml.getLocalName()) || format == null) {
            throw new StatementFileException("The file is not a camt.053 (001.02, 001.08) or camt.054 (001.02, 001.08)"
                    + " document: its namespace is " + (namespace == null || namespace.isEmpty() ? "missing"
                    : "\"" + clip(namespace, 100) + "\"") + ".");
        }
        String message = format.label().startsWith("camt.053") ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String report = format.label().startsWith("camt.053") ? "Stmt" : "Ntfctn";
        List<String> path = new ArrayList<>();
        path.add("Document");
        String account = null;
        int position = 0;
        boolean messageSeen = false;
        while (xml.hasNext()) {
            event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                requireNamespace(xml, namespace);
                String name = xml.getLocalName();
                if (path.size() == 1) {
                    if (!name.equals(message)) {
                        throw new StatementFileException("A " + format.label() + " document holds " + message
                                + ", not " + clip(name, 50) + ".");
                    }
                    messageSeen = true;
                }
                if (path.size() == 2 && name.equals(report)) {
                    account = null;
                }
                if (path.size() == 3 && name.equals("Ntry")) {
                    if (account == null) {
                        throw new StatementFileException("Entry " + (position + 1) + " comes before its statement's"
                                + " account.");
                    }
                    sink.accept(readEntry(xml, namespace, ++position, account));
                    continue;
                }
                path.add(name);
                if (path.size() == 6 && path.get(2).equals(report) && path.get(3).equals("Acct")
                        && path.get(4).equals("Id") && (name.equals("IBAN"))) {
                    account = requireText(xml.getElementText(), "the statement's account");
                    path.removeLast();
                } else if (path.size() == 7 && path.get(2).equals(report) && path.get(3).equals("Acct")
                        && path.get(4).equals("Id") && path.get(5).equals("Othr") && name.equals("Id")) {
                    account = requireText(xml.getElementText(), "the statement's account");
                    path.removeLast();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.removeLast();
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new StatementFileException("The file uses entities; statements with them are refused unread.");
            }
        }
        if (!messageSeen) {
            throw new StatementFileException("The " + format.label() + " document is empty.");
        }
        return format;
    }

    /** Binds one {@code <Ntry>}: the reader is on its start tag and is left on its end tag. */
    private static StatementEntry readEntry(XMLStreamReader xml, String namespace, int position, String account)
            throws XMLStreamException {
        List<String> path = new ArrayList<>();
        String amount = null;
        String currency = null;
        String creditDebit = null;
        String status = null;
        String booking = null;
        String servicerReference = null;
        String entryReference = null;
        String debtorName = null;
        String debtorId = null;
        boolean individual = false;
        StringBuilder remittance = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    break;
                }
                path.removeLast();
                continue;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new StatementFileException("The file uses entities; statements with them are refused unread.");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            requireNamespace(xml, namespace);
            String name = xml.getLocalName();
            if (!name.equals("Pty")) {
                path.add(name);
            } else {
                path.add("");
            }
            String at = String.join("/", path.stream().filter(p -> !p.isEmpty()).toList());
            if (at.contains("RltdPties/Dbtr/Id/PrvtId")) {
                individual = true;
            }
            String text = switch (at) {
                case "Amt" -> {
                    currency = xml.getAttributeValue(null, "Ccy");
                    yield amount = xml.getElementText().trim();
                }
                case "CdtDbtInd" -> creditDebit = xml.getElementText().trim();
                case "Sts", "Sts/Cd" -> status = textOrNull(xml);
                case "BookgDt/Dt", "BookgDt/DtTm" -> booking = xml.getElementText().trim();
                case "AcctSvcrRef" -> servicerReference = xml.getElementText().trim();
                case "NtryRef" -> entryReference = xml.getElementText().trim();
                case "AddtlNtryInf" -> {
                    append(remittance, xml.getElementText());
                    yield "";
                }
                default -> {
                    if (at.endsWith("RmtInf/Ustrd") || at.endsWith("RmtInf/Strd/CdtrRefInf/Ref")
                            || at.endsWith("TxDtls/AddtlTxInf")) {
                        append(remittance, xml.getElementText());
                        yield "";
                    }
                    if (debtorName == null && at.endsWith("RltdPties/Dbtr/Nm")) {
                        yield debtorName = xml.getElementText().trim();
                    }
                    if (debtorId == null && (at.endsWith("RltdPties/Dbtr/Id/OrgId/Othr/Id")
                            || at.endsWith("RltdPties/Dbtr/Id/PrvtId/Othr/Id"))) {
                        individual |= at.contains("PrvtId");
                        yield debtorId = xml.getElementText().trim();
                    }
                    yield null;
                }
            };
            if (text != null) {
                // getElementText consumed the end tag.
                path.removeLast();
            }
        }
        String where = "Entry " + position;
        String reference = nonEmpty(servicerReference) != null ? servicerReference : nonEmpty(entryReference);
        if (reference == null) {
            throw new StatementFileException(where + " has neither AcctSvcrRef nor NtryRef.");
        }
        if (creditDebit == null || !(creditDebit.equals("CRDT") || creditDebit.equals("DBIT"))) {
            throw new StatementFileException(where + " has no CdtDbtInd of CRDT or DBIT.");
        }
        if (status == null) {
            throw new StatementFileException(where + " has no status.");
        }
        return new StatementEntry(position, clip(account, 70), clip(reference, 70), creditDebit.equals("CRDT"),
                status.equals("BOOK"), money(where, amount, currency), date(where, booking),
                debtorName == null ? null : clip(debtorName, 140), debtorId == null ? null : clip(debtorId, 70),
                individual, clip(remittance.toString(), MAX_TEXT));
    }

    private static @Nullable String textOrNull(XMLStreamReader xml) throws XMLStreamException {
        // 001.02 writes <Sts>BOOK</Sts>, 001.08 <Sts><Cd>BOOK</Cd></Sts>: the outer one has no text of its own then.
        if (xml.getLocalName().equals("Sts")) {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String code = xml.getLocalName().equals("Cd") ? xml.getElementText().trim() : null;
                    skipToEnd(xml);
                    return code;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return text.toString().trim();
                }
            }
        }
        return xml.getElementText().trim();
    }

    /** From inside Sts after its child: up to Sts's end tag. */
    private static void skipToEnd(XMLStreamReader xml) throws XMLStreamException {
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) {
                    return;
                }
            }
        }
    }

    private static Money money(String where, @Nullable String amount, @Nullable String currency) {
        if (amount == null || currency == null) {
            throw new StatementFileException(where + " has no amount with a currency.");
        }
        try {
            Money money = Money.of(new BigDecimal(amount), Currency.getInstance(currency));
            if (!money.isPositive()) {
                throw new StatementFileException(where + " has an amount that is not positive: " + clip(amount, 30));
            }
            return money;
        } catch (IllegalArgumentException e) {
            throw new StatementFileException(where + " has an amount that cannot be read: " + clip(amount, 30) + " "
                    + clip(currency, 10) + ".");
        }
    }

    private static @Nullable LocalDate date(String where, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new StatementFileException(where + " has a booking date that cannot be read: " + clip(text, 30));
        }
    }

    private static void requireNamespace(XMLStreamReader xml, String namespace) {
        if (!namespace.equals(xml.getNamespaceURI())) {
            throw new StatementFileException("The element " + clip(xml.getLocalName(), 50)
                    + " is in another namespace than the document's.");
        }
    }

    private static String requireText(String text, String what) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new StatementFileException("The file has an empty " + what + ".");
        }
        return trimmed;
    }

    private static void append(StringBuilder text, String part) {
        String trimmed = part.strip();
        if (!trimmed.isEmpty() && text.length() < MAX_TEXT) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(trimmed);
        }
    }

    private static @Nullable String nonEmpty(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
