"""Word lists the role hints read around a name: relations, reporting verbs, undergoer verbs.

Kept apart from the rules in ``roles.py`` so that the lists can grow without the rules moving.
"""

from __future__ import annotations

# People named by their tie to someone else. The one they are tied to ("the mother of X",
# "X's lawyer", «сестра X») is, in these reports, the person the story is about, not the
# speaker.
RELATIONS_EN = (
    r"lawyers?|attorneys?|advocates?|counsel|defen[cs]e|relatives?|family|families|parents?|"
    r"mother|father|wife|husband|widow|son|daughter|sons|daughters|brothers?|sisters?|"
    r"cousins?|uncle|aunt|nephew|niece|grandmother|grandfather|fianc[ée]e?|partner|"
    r"colleagues?|friends?|neighbou?rs?|supporters?"
)
RELATIONS_RU = (
    r"адвокат\w*|защитник\w*|юрист\w*|родственник\w*|родны[ехм]\w*|близки[ехм]\w*|"
    r"семь[яиейю]|семьёй|родител\w*|мат(?:ь|ери|ерью)|от(?:ец|ца|цу|цом)|жен[аыуе]|женой|"
    r"муж(?:а|у|ем|е)?|вдов\w*|сын\w*|доч(?:ь|ери|ерью)|дочер\w*|брат\w*|сестр\w*|"
    r"коллег\w*|друз\w*|друг\w*|сосед\w*|сторонник\w*"
)

# Verbs of reporting, stance and appeal that a body is the subject of when it is the source.
REPORTING_VERBS = (
    r"said|says|say|reported|reports|report|documented|documents|recorded|records|verified|"
    r"counted|counts|lists|listed|estimated|estimates|found|finds|published|publishes|collected|told|tells|wrote|"
    r"writes|noted|notes|stated|states|added|explained|claimed|claims|believes|"
    r"condemned|condemns|denounced|denounces|welcomed|welcomes|criticised|criticized|"
    r"criticises|criticizes|deplored|deplores|recognised|recognized|recognises|recognizes|"
    r"expressed|expresses|warned|warns|learned|learnt|confirmed|confirms|"
    r"call(?:ed|s)?\s+(?:on|upon|for)|urged?|urges|demanded|demands|appealed|appeals|"
    r"asked|asks|insisted|insists|sent|sends|filed|files|"
    r"сообща\w*|сообщил\w*|заяв\w*|рассказ\w*|отмеча\w*|отметил\w*|пишет|писал\w*|"
    r"опубликова\w*|публику\w*|зафиксирова\w*|фиксиру\w*|документир\w*|задокументир\w*|"
    r"привод\w*|подсчит\w*|насчит\w*|выяснил\w*|узнал\w*|располага\w*|"
    r"осуди\w*|осуждает|осуждают|призва\w*|призыва\w*|потребова\w*|требу\w*|"
    r"обратил\w*|обраща\w*|направил\w*|признал\w*|признаёт|признает|счита\w*|"
    r"выразил\w*|выража\w*|предупре\w*|подтверд\w*"
)

# Acts whose grammatical subject is the one who suffers them ("X died", "X fled", «X
# пропал»): a name before them is not their perpetrator.
UNDERGOER_EN = frozenset(
    "died dies disappeared disappears vanished vanishes fled flees escaped went goes remained "
    "remains drowned suffered suffers starved lost spent sustained survived left leaves "
    "returned fell collapsed".split()
)
UNDERGOER_RU = frozenset(
    "пропасть исчезнуть погибнуть умереть скончаться бежать сбежать уехать покинуть "
    "эмигрировать выехать вернуться скрыться скрываться пострадать".split()
)

# What is done to a body that is not the state: raids, bans, closures, labels.
ORGANISATION_PERSECUTED = (
    r"raid(?:ed|s)?|search(?:ed|es)?|banned|liquidat\w+|shut\s+down|"
    r"blocked|outlawed|dissolved|"
    r"обыск\w*|ликвидир\w*|ликвидаци\w*|запрещ\w*|заблокир\w*"
)
# A label the state puts on a body, after "declared", "designated", «признан»…
ORGANISATION_LABELS = (
    r"(?:declared|designated|labell?ed|listed|recognised|recognized|признан\w*|внесен\w*|"
    r"внесён\w*)\s+(?:as\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:foreign\s+agents?|undesirable|"
    r"extremist|terrorist|иноагент\w*|иностранн\w+\s+агент\w*|нежелательн\w*|"
    r"экстремистск\w*|террористическ\w*)"
)
# People or places of a body: what is done to them is done to the body.
ORGANISATION_PARTS = (
    r"offices?|premises|headquarters|homes?|staff|members|employees|journalists|reporters|"
    r"editors|activists|volunteers|website|accounts?|"
    r"офис\w*|помещени\w*|сотрудник\w*|журналист\w*|редакци\w*|активист\w*|волонт[её]р\w*|"
    r"участник\w*|сайт\w*"
)
