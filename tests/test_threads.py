"""Comment threads with no head plain text shows as a head (``structure.threads``), on page
shapes written for these tests: bare names over each comment (German), "NAME - DATE" heads
(French), a name and a bare date (Spanish), a Slashdot-like thread whose strong heads come
back only every ten blocks or more, and the article shapes that look like threads but are
not (Title-case section headings over second-person advice, a team page's names over
third-person bios, a live blog's time stamps, a travel diary's captions)."""

from __future__ import annotations

import pytest

from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.features import score_block
from corpuskit.structure.threads import head_shape, personal_share

# -- articles (written for these tests) ---------------------------------------------------------

ARTICLE_DE = """Neues Radwegenetz für die Innenstadt beschlossen

Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, das Radwegenetz in der Innenstadt bis zum Jahr 2028 um rund vierzig Kilometer zu erweitern. Die Kosten werden auf etwa zwölf Millionen Euro geschätzt.

Nach Angaben der Verwaltung sollen vor allem die Verbindungen zwischen den äußeren Stadtteilen und dem Bahnhof verbessert werden. Bisher enden viele Radwege an großen Kreuzungen, an denen Radfahrer sich den Platz mit dem Autoverkehr teilen müssen.

Die Opposition kritisierte, dass der Plan keine Angaben zur Finanzierung der späteren Instandhaltung enthalte. Der Verkehrsausschuss soll im Herbst einen genaueren Zeitplan vorlegen.

Die ersten Bauabschnitte sollen im kommenden Frühjahr beginnen. Anwohner werden in mehreren Versammlungen über die geplanten Änderungen informiert."""

COMMENTS_DE = """Yvonne Berger
Ich fahre jeden Tag mit dem Rad zur Arbeit und freue mich sehr darüber. Endlich passiert etwas!
Markus
Und wer soll das bezahlen? Ich sehe jetzt schon die nächste Baustelle vor meiner Tür.
Dr. Anna Schmitt
Markus, die Stadt bekommt dafür Fördermittel vom Land. Hast du den Bericht gelesen?
Markus
Ja, ich habe ihn gelesen. Trotzdem bleibe ich skeptisch, was die Instandhaltung angeht.
Jürgen Wolf
Mir fehlt eine Lösung für die Kreuzung am Markt. Dort ist es für Kinder wirklich gefährlich.
"""

ARTICLE_FR = """La ville inaugure sa nouvelle médiathèque

La nouvelle médiathèque du quartier nord a ouvert ses portes samedi après trois ans de travaux. Le bâtiment, conçu par un cabinet lyonnais, accueille plus de quatre-vingt mille ouvrages et un espace numérique.

Selon la municipalité, le projet a coûté près de neuf millions d'euros, dont un tiers financé par la région. Les horaires d'ouverture ont été élargis le soir et le dimanche matin.

Les associations du quartier ont salué un lieu attendu depuis longtemps, tout en regrettant le manque de places de stationnement pour les vélos devant l'entrée principale."""

COMMENTS_FR = """Claire D. - 12 mars 2019
Je suis passée dimanche avec mes enfants, c'est magnifique. Merci à toute l'équipe !
Paul Martin - 12 mars 2019
Vous avez raison pour les vélos, je n'ai trouvé aucune place libre à midi.
Sophie - 13 mars 2019
Est-ce que vous savez si l'espace numérique est ouvert le lundi ?
Claire D. - 13 mars 2019
Oui, je crois qu'il ouvre à partir de quatorze heures le lundi.
"""

ARTICLE_ES = """El ayuntamiento amplía el horario de las piscinas municipales

Las piscinas municipales abrirán hasta las once de la noche durante los meses de julio y agosto, según anunció este lunes la concejalía de deportes. La medida busca aliviar el calor de las noches de verano.

El ayuntamiento contratará a veinte socorristas más para cubrir los turnos nocturnos. El precio de la entrada no cambiará y seguirá habiendo descuentos para jubilados y familias numerosas.

Los vecinos del barrio sur llevaban años pidiendo una ampliación del horario, sobre todo desde que cerró la piscina privada del polideportivo."""

COMMENTS_ES = """Lucía Fernández
15 de junio de 2021
Por fin, yo llevo años pidiendo esto. ¡Gracias!
Andrés
15 de junio de 2021
¿Y por qué no abren también por la mañana temprano? Mi hija entrena a las siete.
Marta Ruiz
16 de junio de 2021
Andrés, creo que por la mañana ya abren a las ocho. Mira la web del ayuntamiento.
Andrés
16 de junio de 2021
Gracias Marta, no lo sabía. Lo miraré hoy mismo.
"""

ARTICLE_EN = """City council approves new bridge

The city council on Monday approved plans for a new pedestrian bridge across the river, ending a debate that had lasted more than a decade. Construction is expected to begin next spring.

The bridge will connect the old harbour district with the new housing estates on the south bank. Engineers estimate that about four thousand people will cross it every day once it opens.

Opponents had argued that the money would be better spent on repairing the existing road bridge, which has been closed to heavy vehicles since 2019."""


def _slashdot_comments() -> str:
    """Strong heads every twelve blocks or so, handle lines ("by NAME (12345)") between them,
    and one long comment of fourteen paragraphs: gaps the between-heads rule does not bridge."""
    out = []
    for k in range(4):
        out.append(f"by reader{k}x ({100000 + k * 7919}) on Tuesday July 24, @1{k}:2{k}PM (#4075{k}213) Journal")
        out.append("I don't think you have read the plans. The bridge was designed for people, not for trucks.")
        out.append(f"by commuter_{k} ({200000 + k * 31})")
        out.append("Do you really cross that river every day? I do, and my bus takes forty minutes.")
        out.extend(
            f"Point {j}: I have lived next to the old bridge for years and you get used to the noise, but I would "
            f"still rather walk across a quiet one with my kids on a Sunday morning."
            for j in range(14 if k == 1 else 2)
        )
    return "\n".join(out) + "\n"


def _trailer(text: str) -> list[str]:
    return [b.text for b in analyse(text, Options()).blocks if b.region == "trailer"]


@pytest.mark.parametrize(
    ("article", "comments"),
    [
        (ARTICLE_DE, COMMENTS_DE),
        (ARTICLE_FR, COMMENTS_FR),
        (ARTICLE_ES, COMMENTS_ES),
        (ARTICLE_EN, _slashdot_comments()),
    ],
    ids=["de-bare-names", "fr-name-date", "es-name-and-date", "slashdot-long-gaps"],
)
def test_headless_thread_goes_to_the_trailer_whole(article: str, comments: str) -> None:
    text = article + "\n\n" + comments
    trailer = _trailer(text)
    assert trailer, "no trailer"
    assert trailer[0] == comments.splitlines()[0]  # from the first comment's head...
    assert "\n".join(trailer) == comments.strip()  # ...to the end, and no article line


# -- look-alikes that are articles -----------------------------------------------------------

HOWTO = """Five ways to get your first readers

Starting a blog is easy; getting anyone to read it is the hard part. Here are five things you can do this week, whatever your subject is.

Guest Posting
Write for a blog your readers already follow. You reach their audience, and you learn how other editors work with your drafts.
Forum Posting
Answer questions where your readers ask them. Do not paste links: you help first, and people will find your blog on their own.
Blog Commenting
Leave a useful comment under posts you like. Your name links back to your blog, and you start a conversation with the author.
Social Sharing
Share each post once, with a line that says why you wrote it. You will see which lines work and which do not.
Email Lists
Offer your readers a short letter each month. You own that list, whatever the platforms do with their feeds.
"""

TEAM = """Meet the team behind the festival

The festival is run by a small team of volunteers who meet every Thursday evening in the back room of the town library.

Maria Keller
Maria has organised the programme since the first festival in 2009. She worked as a teacher for thirty years.
Tom Richards
Tom looks after the sound and the lights. He built most of the stage himself, from wood donated by a local sawmill.
Aisha Khan
Aisha runs the ticket office and the website. She studied computer science and now works for a bank in the city.
Peter Novak
Peter is in charge of the volunteers. He has lived in the town all his life and knows almost everyone who helps.
"""

LIVE_BLOG = """Storm live: the latest as the coast is hit

The storm reached the coast on Tuesday morning, bringing winds of more than 120 km/h and heavy rain to the northern provinces. Thousands of homes are without power.
10:05 am, November 3, 2020
The national weather service has raised its warning to the highest level for three coastal provinces. Schools there will stay closed.
10:40 am, November 3, 2020
Rail services between the two largest cities have been suspended after a tree fell across the line near the border.
11:15 am, November 3, 2020
The prime minister said the army had been put on standby and would help with evacuations if the rivers kept rising.
11:50 am, November 3, 2020
The harbour authority closed the port to all traffic until further notice. Ferries to the islands are cancelled.
12:30 pm, November 3, 2020
Power companies say about forty thousand households are without electricity, most of them in rural areas.
"""

TRAVEL = """Two days in the old town

We arrived late on Friday, tired after a long train ride, and I went straight to bed. The next morning I walked down to the river before breakfast and had the whole bank to myself.

I won't pretend I planned much. We wandered, we ate, and I took far too many photos. Here are some of them.
Cathedral Square
The square was almost empty at eight, and I could finally see the cathedral without a crowd in front of it.
Market Hall
I bought cheese, bread and far too many pastries here. You could spend a whole morning in this hall.
River Walk
We walked along the river to the old mill and back, which took us most of the afternoon.
Castle Hill
I climbed the hill at sunset and my legs still remember it. The view over the roofs was worth every step.
"""


@pytest.mark.parametrize(
    "text",
    [HOWTO, TEAM, LIVE_BLOG, TRAVEL],
    ids=["title-case-headings-second-person", "team-names-third-person", "live-blog-stamps", "travel-captions"],
)
def test_article_shapes_like_a_thread_keep_their_text(text: str) -> None:
    assert _trailer(text) == []


# -- the features ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Gibbo", "name"),
        ("Chris Pearson", "name"),
        ("Paul H. Byerly", "name"),
        ("María de la Cruz", "name"),
        ("by ravenswood1000 (543817)", "handle"),
        ("by mcgrew (92797) *", "handle"),
        ("by Mary Ann Halford on November 15, 2010 at 12:42 am.", "handle"),
        ("von Yvonne", "handle"),
        ("November 5, 2012", "date"),
        ("15 de junio de 2021", "date"),
        ("19. April 2016", "date"),
        ("Dienstag, 19.04.2016", "date"),
        ("CmdrR - October 26, 2012", "name-date"),
        ("Claire D. - 12 mars 2019", "name-date"),
        # not heads: headings with function words, capitals, captions, sentences, years
        ("Know Your Rights", None),
        ("ROTH IRA", None),
        ("Antlers.", None),
        ("The 2012 season", None),
        ("Is it dinnertime yet?", None),
        ("Comments", None),
        ("Share this", None),
    ],
)
def test_head_shapes(line: str, shape: str | None) -> None:
    assert head_shape(line, score_block(line)) == shape


def test_personal_share_tells_readers_from_reporters() -> None:
    for comment in ("Ich finde, dein Beitrag hilft mir.", "Je pense que vous avez raison.", "Yo creo que tú tienes razón.",
                    "I think you are right about my street."):
        assert personal_share([comment]) >= 0.3
    for report in ARTICLE_DE.split("\n\n")[1:] + ARTICLE_FR.split("\n\n")[1:] + ARTICLE_ES.split("\n\n")[1:]:
        assert personal_share([report]) == 0.0
    assert personal_share([]) == 0.0
