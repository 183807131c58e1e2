"""The one place that writes triples: :class:`~stancegraph.facts.ArticleFacts` → an rdflib graph.

Each article becomes one self-contained named graph: its own node, every fact read from it (with the
act's type, actors, topic and date repeated in each article that reports it, so dropping one article
never orphans another's facts) and one ``sg:Mention`` per report carrying the evidence span.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from . import __version__
from .facts import ActorRef, ArticleFacts, Event, Evidence, PartialDate, Place, Statement
from .iri import article_iri, fact_iri, post_iri, slugify
from .namespaces import (
    EVENT_CLASS,
    ID,
    MODALITY,
    NIF,
    ORG,
    PRECISION,
    RESPONSE_CLASS,
    SCHEMA,
    SG,
    STANCE,
    TOPIC,
    bind_prefixes,
)


_KIND_CLASS = {
    "demand": SG.Demand,
    "stance": SG.StanceStatement,
    "appeal": SG.Appeal,
    **RESPONSE_CLASS,
}
_ACTOR_CLASS = {
    "state": SG.State,
    "organization": SG.InternationalOrganization,
    "government-body": SG.GovernmentBody,
    "coalition": SG.Coalition,
    "person": SG.Person,
}


def date_literal(date: PartialDate) -> Literal:
    datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[date.precision]
    return Literal(date.iso, datatype=datatype)


def statement_iri(statement: Statement, file_name: str) -> URIRef:
    family = "demand" if statement.kind == "demand" else "response" if statement.kind in RESPONSE_CLASS else "statement"
    return URIRef(fact_iri(family, statement.key or (file_name, statement.evidence.begin, statement.kind)))


def event_iri(event: Event, file_name: str) -> URIRef:
    if event.date is not None and event.date.precision == "day":
        key: tuple = (event.kind, event.date.iso, event.place.iri if event.place else None)
    else:
        key = (file_name, event.evidence.begin, event.kind)
    return URIRef(fact_iri("event", *key))


class _ArticleGraphWriter:
    def __init__(self, facts: ArticleFacts, extractor: str):
        self.facts = facts
        self.extractor = extractor
        self.run = URIRef(ID["extraction/" + slugify(extractor)])
        self.info = facts.article
        self.graph = Graph()
        bind_prefixes(self.graph)
        self.article = URIRef(article_iri(self.info.file_name))
        self._written_actors: set[str] = set()

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def write(self) -> Graph:
        self._article()
        for actor in self.facts.actors:
            self.add(self.article, SCHEMA.mentions, self._actor(actor))
        for statement in self.facts.statements:
            self._statement(statement)
        for event in self.facts.events:
            self._event(event)
        return self.graph

    # -- article -----------------------------------------------------------------------------------
    def _article(self) -> None:
        a, info = self.article, self.info
        self.add(a, RDF.type, SG.Article)
        self.add(a, SG.fileName, Literal(info.file_name))
        self.add(a, SG.contentHash, Literal(info.content_hash))
        if info.headline:
            self.add(a, SCHEMA.headline, Literal(info.headline))
        if info.published is not None and info.published.precision == "day":
            self.add(a, SCHEMA.datePublished, Literal(info.published.iso, datatype=XSD.date))
            self.add(a, SG.publishedDateInferred, Literal(info.published_source in ("text", "dateline+weekday", "dateline+latest")))
        if info.outlet:
            self.add(a, SCHEMA.publisher, self._outlet(info.outlet))
        if info.url:
            self.add(a, SCHEMA.url, Literal(info.url, datatype=XSD.anyURI))
        if info.dateline:
            self.add(a, SCHEMA.dateline, Literal(info.dateline))
        if info.dateline_place is not None:
            self.add(a, SG.datelinePlace, self._place(info.dateline_place))
        self.add(self.run, RDF.type, SG.ExtractionRun)
        self.add(self.run, RDFS.label, Literal(f"stancegraph extractor {self.extractor}", lang="en"))
        self.add(self.run, SG.extractorVersion, Literal(self.extractor))

    # -- actors ------------------------------------------------------------------------------------
    def _actor(self, actor: ActorRef) -> URIRef:
        node = URIRef(actor.iri)
        if actor.iri in self._written_actors:
            return node
        self._written_actors.add(actor.iri)
        if not actor.known:
            # People found by title + name: the article graph is the only place they are described.
            # An organisation the gazetteer lacks is not known to be international.
            self.add(node, RDF.type, SG.Organization if actor.kind == "organization" else _ACTOR_CLASS[actor.kind])
            self.add(node, RDFS.label, Literal(actor.label, lang="en"))
        if actor.represents:
            self.add(node, SG.represents, URIRef(actor.represents))
        if actor.kind == "person" and actor.post_label and actor.post_in:
            self._tenure(node, actor)
        return node

    def _tenure(self, person: URIRef, actor: ActorRef) -> None:
        post = URIRef(post_iri(actor.post_label, actor.post_in))
        role = URIRef(ID["role/" + slugify(actor.post_label)])
        self.add(person, ORG.holds, post)
        self.add(post, RDF.type, SG.Post)
        self.add(post, RDFS.label, Literal(actor.post_label, lang="en"))
        self.add(post, ORG.postIn, URIRef(actor.post_in))
        self.add(post, ORG.role, role)
        self.add(role, RDF.type, SG.Role)
        self.add(role, RDFS.label, Literal(actor.post_label, lang="en"))
        if self.info.published is not None and self.info.published.precision == "day":
            tenure = URIRef(fact_iri("tenure", actor.iri, post, self.info.file_name))
            self.add(tenure, RDF.type, SG.Tenure)
            self.add(tenure, ORG.member, person)
            self.add(tenure, SG.post, post)
            self.add(tenure, ORG.organization, URIRef(actor.post_in))
            self.add(tenure, ORG.role, role)
            self.add(tenure, SG.attestedOn, Literal(self.info.published.iso, datatype=XSD.date))

    def _outlet(self, name: str) -> URIRef:
        node = URIRef(ID["outlet/" + slugify(name)])
        self.add(node, RDF.type, SG.Outlet)
        self.add(node, RDFS.label, Literal(name, lang="en"))
        return node

    def _place(self, place: Place) -> URIRef:
        node = URIRef(place.iri)
        if not place.known:
            self.add(node, RDF.type, SG.Place)
            self.add(node, RDFS.label, Literal(place.label, lang="en"))
        return node

    # -- facts -------------------------------------------------------------------------------------
    def _date(self, node: URIRef, date: PartialDate | None) -> None:
        if date is None:
            return
        self.add(node, SG.date, date_literal(date))
        self.add(node, SG.datePrecision, PRECISION[date.precision])
        if date.text:
            self.add(node, SG.dateText, Literal(date.text))

    def _statement(self, st: Statement) -> None:
        node = statement_iri(st, self.info.file_name)
        self.add(node, RDF.type, _KIND_CLASS[st.kind])
        for role, actor in ((SG.speaker, st.speaker), (SG.onBehalfOf, st.on_behalf_of)):
            if actor is not None:
                self.add(node, role, self._actor(actor))
        for addressee in st.addressees:
            self.add(node, SG.addressee, self._actor(addressee))
        for topic in st.topics:
            self.add(node, SG.topic, TOPIC[topic])
        if st.stance:
            self.add(node, SG.stance, STANCE[st.stance])
        self.add(node, SG.modality, MODALITY[st.modality])
        if st.condition:
            self.add(node, SG.condition, Literal(st.condition))
        if st.content:
            self.add(node, SG.content, Literal(st.content))
        if st.responds_to:
            self.add(node, SG.respondsTo, URIRef(st.responds_to))
        if st.outlet:
            self.add(node, SG.givenTo, self._outlet(st.outlet))
        if st.occasion:
            self.add(node, SG.occasion, Literal(st.occasion))
        self._date(node, st.date)
        self.add(node, SG.reportedIn, self.article)
        self._mention(node, st.evidence)

    def _event(self, ev: Event) -> None:
        node = event_iri(ev, self.info.file_name)
        self.add(node, RDF.type, EVENT_CLASS[ev.kind])
        self.add(node, RDFS.label, Literal(ev.name, lang="en"))
        for actor in ev.participants:
            self.add(node, SG.participant, self._actor(actor))
        if ev.place is not None:
            self.add(node, SG.place, self._place(ev.place))
        for topic in ev.topics:
            self.add(node, SG.topic, TOPIC[topic])
        self._date(node, ev.date)
        self.add(node, SG.reportedIn, self.article)
        self._mention(node, ev.evidence)

    def _mention(self, fact: URIRef, ev: Evidence) -> None:
        mention = URIRef(fact_iri("mention", self.info.file_name, fact, ev.begin, ev.end))
        self.add(mention, RDF.type, SG.Mention)
        self.add(mention, SG.mentions, fact)
        self.add(fact, SG.mentionedIn, mention)
        self.add(mention, SG.inArticle, self.article)
        self.add(mention, SG.sentenceIndex, Literal(ev.sentence_index, datatype=XSD.nonNegativeInteger))
        self.add(mention, NIF.beginIndex, Literal(ev.begin, datatype=XSD.nonNegativeInteger))
        self.add(mention, NIF.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger))
        self.add(mention, NIF.anchorOf, Literal(ev.quote))
        self.add(mention, SG.confidence, Literal(Decimal(f"{ev.confidence:.2f}"), datatype=XSD.decimal))
        self.add(mention, SG.extractedBy, self.run)


def article_graph(facts: ArticleFacts, extractor: str = __version__) -> Graph:
    """The named-graph content for one article's facts; ``extractor`` names the extractor version."""
    return _ArticleGraphWriter(facts, extractor).write()


__all__ = ["article_graph", "date_literal", "statement_iri", "event_iri"]
