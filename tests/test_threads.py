"""Comment threads with no head plain text shows as a head (``structure.threads``), on page
shapes written for these tests: bare names over each comment (German), "NAME - DATE" heads
(French), a name and a bare date (Spanish), a Slashdot-like thread whose strong heads come
back only every ten blocks or more, and the article shapes that look like threads but are
not (Title-case section headings over second-person advice, a team page's names over
third-person bios, a live blog's time stamps, a travel diary's captions)."""

# ruff: noqa: E501  (the pages are one paragraph a line, as scraped text is)
from __future__ import annotations

import pytest

from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.blocks import cut
from corpuskit.structure.features import score_block
from corpuskit.structure.threads import head_shape, personal_share, thread_start

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

# Second-person advice under Title-case headings every other block, no heading's words
# under it: only "a thread's names talk to each other" tells it from bare-name comments.
HOWTO = """Five ways to get your first readers

Starting a blog is easy; getting anyone to read it is the hard part. Here are five things you can do this week, whatever your subject is, and none of them costs you anything but an hour or two of your time. Try one each week, keep notes on what each brings you, and drop the ones that bring you nothing after a month.

Guest Posting
Write for a blog your readers already follow. You reach their audience, and you learn how other editors work with your drafts.
Forum Posting
Answer questions where your readers ask them. Do not paste links: you help first, and people will find your blog on their own.
Blog Commenting
Leave a useful comment under posts you like. Your name links back to your blog, and you start a conversation with the author.
Social Sharing
Share each post once, with a line that says why you wrote it. You will see which lines work and which do not.
Reader Letters
Offer your readers a short letter each month. You own that list, whatever the platforms do with their feeds.
"""

# Headings whose subject opens the section under them, later sections naming earlier ones:
# only the heading echo tells it from a thread.
INVESTING = """Four ways to pick stocks

There is no single right way to invest, but there are a few schools of thought that most investors follow, knowingly or not. Which one suits you depends on how much time you have, how much risk you can bear, and how often you want to look at your portfolio. Here is what each of the four asks of you, in money, in time and in nerve, before you put a single euro into any of them. None of them is a way to get rich quickly, whatever the advertisements say.

Value Investing
Value investing means buying shares for less than the business is worth. You need patience: the market may take years to agree with you.
Growth Investing
Growth investing is the opposite bet to Value: you pay more today for companies you expect to grow faster than the rest.
Momentum Investing
Momentum investing follows prices: you buy what has been rising. Unlike Growth, it ignores the business behind the price.
Index Investing
Index investing gives up on picking: you buy the whole market. Compared with Momentum or Value, you trade far less often.
"""

# Names over third-person bios that do not start with the name, a later bio naming an
# earlier person: only "readers write in the first and second person" tells it apart.
TEAM = """Meet the team behind the festival

The festival is run by a small team of volunteers who meet every Thursday evening in the back room of the town library. Between them they plan the programme, book the bands, sell the tickets and build the stage, and most of them have been doing it for more than ten years without ever being paid for it. This year we asked four of them what they do all year round, and why they keep coming back every single summer.

Maria Keller
She has organised the programme since the first festival in 2009 and worked as a teacher for thirty years.
Tom Richards
He looks after the sound and the lights, and built most of the stage with Maria from wood donated by a sawmill.
Aisha Khan
She runs the ticket office and the website, and studied computer science before joining a bank in the city.
Peter Novak
He is in charge of the volunteers, lives next to Tom and knows almost everyone in town who helps each summer.
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


def _diary() -> str:
    """A first-person diary, one place name over four paragraphs each, later days naming
    earlier places: only "names come back every comment" (the median gap) tells it apart."""
    places = ["Castle Hill", "Market Hall", "Old Harbour", "Mill Lane", "North Gate"]
    out = ["Five days on foot", "", "I had planned nothing for this trip, and I am glad. " * 9, ""]
    for k, place in enumerate(places):
        out.append(place)
        out.extend(
            f"On day {k + 1} I walked for hours; you would have laughed at my map. Later I thought of "
            f"{places[k - 1].split()[0]} again and wondered whether I should go back there ({j})."
            for j in range(4)
        )
    return "\n".join(out) + "\n"


def _speakers() -> str:
    """A list of names one under another, then a thank-you naming them: most names are not
    followed by any text, so they are a list, not a thread's heads."""
    names = ["Anna Berg", "Carlos Ruiz", "Dina Levi", "Emil Sorensen", "Farah Aziz"]
    intro = "The conference ended on Sunday after three days of talks and workshops in the old town hall. " * 5
    thanks = f"I want to thank you all, and {names[0].split()[0]} and {names[1].split()[0]} most of all, for coming."
    return "Notes from the conference\n\n" + intro + "\n\nSpeakers\n" + "\n".join(names) + "\n" + thanks + "\n"


@pytest.mark.parametrize(
    "text",
    [HOWTO, INVESTING, TEAM, LIVE_BLOG, TRAVEL, _diary()],
    ids=[
        "title-case-headings",
        "headings-echoed",
        "team-names-third-person",
        "live-blog-stamps",
        "travel-captions",
        "diary-long-sections",
    ],
)
def test_article_shapes_like_a_thread_keep_their_text(text: str) -> None:
    assert _trailer(text) == []


def test_a_list_of_names_is_no_thread() -> None:
    # (the list itself is still furniture for the run-of-short-lines rule; it just does not
    # make the thank-you under it a comment)
    _, texts = cut(_speakers(), 0)
    scores = [score_block(t) for t in texts]
    assert thread_start(texts, scores, 1, []) is None
    _, texts = cut(_speakers().replace("\nCarlos", "\nThat was brilliant, thank you so much!\nCarlos"), 0)
    assert thread_start(texts, [score_block(t) for t in texts], 1, []) is None  # one body is not most


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
    for comment in (
        "Ich finde, dein Beitrag hilft mir.",
        "Je pense que vous avez raison.",
        "Yo creo que tú tienes razón.",
        "I think you are right about my street.",
    ):
        assert personal_share([comment]) >= 0.3
    for report in ARTICLE_DE.split("\n\n")[1:] + ARTICLE_FR.split("\n\n")[1:] + ARTICLE_ES.split("\n\n")[1:]:
        assert personal_share([report]) == 0.0
    assert personal_share([]) == 0.0
