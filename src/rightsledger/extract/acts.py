"""Acts of violence named in text, by trigger words, mapped to the project's act types.

Each category has English and Russian triggers written from the word families that name the
act (stems with their endings), not from sample sentences. The HURIDOCS code comes from the
``act_types`` vocabulary, so the claim and the records use one list of terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rightsledger import vocab
from rightsledger.extract import anchors
from rightsledger.extract.act_lemmas import find_lemma_acts, is_future
from rightsledger.extract.act_words_en import find_english_word_acts
from rightsledger.extract.claims import ActClaim
from rightsledger.extract.spans import SpanIndex

_W = r"[\w-]*"
_CURRENCY = r"lari|roubles|rubles|dollars|euros|manats|hryvnias?|tenge|soms?|somoni"
_CUSTODY_EN = r"(?:police|station|base|precinct|detention|prison|jail)"
_CUSTODY_RU = r"(?:отдел|отделени|полици|овд|участ|изолятор|спецприемник)\w*"
_PROPERTY = r"homes?|houses?|buildings?|property|shops?|villages?|schools?|cars?|mosques?|churches"
# Russian verbs in -ся/-сь are often other verbs (пытался "tried"), so endings are explicit.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killing": (
        r"(?:leaving|left) (?:[\w,]+ ){0,4}?dead\b",
        r"покончил\w* с собой в (?:камере|сизо|ивс|изоляторе|отделе|колонии|части)",
        # the body alone is the span, so that «со следами пыток» between is read too
        r"тел[оа](?= (?:[\w-]+ ){0,4}?(?:нашли|обнаружили|найден[оы]|обнаружен[оы])\b)",
        r"(?:нашли|обнаружили|найдено|найдены|обнаружено|обнаружены|выдали|вернули|передали) "
        r"(?:\w+ ){0,2}?тел[оа]\b",
        r"succumbed to (?:his|her|their) (?:injuries|wounds)",
        r"(?:did not|didn\'t) survive",
        r"(?:claimed|took) the lives? of",
        r"не выжил(?:а|и)?\b",
        r"shot (?:him|her|them|me|us) (?:dead|in the (?:head|back|neck|chest))",
        r"(?:его|её|ее|их) тел[оа] (?:\w+ )?(?:нашли|обнаружили|найдено|найдены|выдали|вернули)",
        r"(?:fatally|mortally) (?:shot|wounded|injured|beaten|stabbed)",
        r"death toll",
        r"mass graves?",
        r"extrajudicial executions?",
        r"shot (?:and killed|in the (?:head|neck))",
        # a death the text ties to custody or violence, not any death («умер в 1990 году»)
        r"(?:умер(?:ла|ли)?|смерть|смерти|скончал(?:ся|ась|ись)) (?:в (?:сизо|ивс|колонии|тюрьме|"
        r"изоляторе|отделе|отделении|камере|заключении|плену|застенках|больнице после)|от "
        r"(?:побоев|пыток|травм|ран|ранений|избиения)|после (?:избиения|пыток|задержания|допроса)|"
        r"под (?:пытками|стражей))",
        r"массов\w* захоронени\w*",
        r"found hang(?:ed|ing)",
        r"(?:found|recovered|discovered|returned|handed over) (?:\w+ ){0,3}?bod(?:y|ies)\b",
        r"(?:his|her|their|the) (?:dead )?bod(?:y|ies)\b",
        r"gunned down",
        r"massacr\w*",
        r"lost (?:their|his|her) li(?:fe|ves)",
        r"(?:stabbed|hacked|burned|burnt) to death",
        r"bodies (?:of|were|was)\b",
        r"трупы?\b",
        r"лишил\w* жизни",
        r"kill(?:ed|ing|ings|s)?\b",
        rf"murder{_W}",
        r"shot dead",
        r"executed",
        r"executions?",
        r"beaten to death",
        r"tortured to death",
        r"slain",
        r"found dead",
        r"died (?:in custody|under torture|from (?:the )?(?:beating|torture|injuries))",
        r"deaths? in custody",
        r"died (?:after|following|from|of|in|under|as a result)\b",
        r"(?:the )?deaths? of\b",
        rf"гибел{_W}",
        r"extrajudicial(?:ly)? kill" + _W,
        r"убит(?:ы|а|о|ый|ых|ого|ым)?\b",
        r"убил(?:и|а)?\b",
        rf"убийств{_W}",
        r"убива(?:ли|ют)",
        rf"расстрел{_W}",
        rf"застрел{_W}",
        r"казн(?:ь|и|ён|ены|ены|или)\b",
        r"погиб(?:ли|ла|ло|ших|шие|ший|шего|шим)?\b",
        r"скончал(?:ся|ась|ись)",
        r"забит(?:ы|а|ый)? до смерти",
        r"тела\b",
    ),
    "torture": (
        r"(?:finger|toe)?nails (?:were|was) (?:pulled|torn|ripped) out",
        r"(?:имитаци\w*|инсценировк\w*|имитировал\w*|инсценировал\w*) (?:\w+ )?расстрел\w*",
        r"(?:stubbed|put) out (?:\w+ )?cigarettes? on",
        r"(?:forced|coerced|made|compelled) (?:\w+ ){0,2}?to (?:confess|sign (?:a |false "
        r")?confessions?)",
        r"противогаз\w*",
        r"(?:позе|позу|позы|позой) «?ласточк\w*",
        r"falanga",
        r"needles under",
        r"mock executions?",
        r"sleep deprivation",
        r"(?:pulled|tore|ripped) out (?:\w+ )?(?:finger|toe)?nails",
        r"(?:extract|obtain|beat|coerce|force)\w* (?:\w+ ){0,2}?confessions?",
        r"(?:выбива|выбил|выбить)\w* (?:\w+ )?(?:признани|показани)\w*",
        r"под пытками",
        r"with (?:\w+ ){0,3}?burns\b",
        r"electric(?:al)? (?:shocks?|current|wires?)",
        r"(?:applied|attached|connected) (?:\w+ ){0,2}?(?:electrodes|wires|current)",
        r"провод\w* (?:к|на) (?:\w+ )?(?:ушам|пальцам|гениталиям|телу|рукам|ногам)",
        r"(?:подключал|подсоединял)\w* (?:\w+ )?(?:провод|ток|электрод)\w*",
        r"suffocat\w*",
        r"asphyxiat\w*",
        r"(?:cigarette burns|burn(?:ed|t|ing) (?:him |her |them )?with cigarettes)",
        r"(?:hung|suspended) (?:him |her |them )?(?:from|by)\b",
        r"душил\w*",
        r"подвешива\w*",
        rf"tortur{_W}",
        r"electric shocks?",
        rf"electrocut{_W}",
        rf"waterboard{_W}",
        r"пыт(?:ка|ки|ку|кой|ке|ок|ками|ках|кам|ал|ала|али|ают|ать|аемых|анных|анные|анный"
        r"|анным|аемые)\b",
        rf"электрошок{_W}",
        r"током\b",
        rf"истяза{_W}",
    ),
    "ill_treatment": (
        r"crammed into",
        r"(?:поставил|ставил)\w* (?:\w+ )?на колени",
        r"держал\w* (?:\w+ ){0,2}?в наручниках",
        r"shot in the (?:legs?|arms?|foot|feet|hands?|shoulders?|stomach|knees?|back|eye)\b",
        r"wounded by (?:rubber bullets|gunfire|shrapnel|pellets|live ammunition)",
        r"(?:forced|made|ordered|compelled) to (?:\w+ ){0,2}?(?:sing|chant|insult|bark|kiss|shout|"
        r"curse)\b",
        r"обливал\w* (?:\w+ )?(?:холодной |ледяной |горячей )?(?:водой|бензином|кипятком)",
        r"морил\w* голодом",
        r"не кормил\w*",
        r"(?:arm|leg|nose|jaw|ribs?|fingers?|wrist|collarbone|skull) (?:was|were) (?:broken|"
        r"fractured)",
        r"(?:держал|продержал|оставил|выставил)\w* (?:\w+ ){0,3}?на (?:морозе|холоде)",
        r"(?:kept|left|held|made to stand) (?:\w+ ){0,3}?(?:outside )?in the "
        r"(?:cold|freezing cold|snow)",
        r"taser\w*",
        r"(?:shot|stabbed) and (?:wounded|injured)",
        r"(?:threw|thrown|pushed|knocked|forced) (?:\w+ ){0,2}?(?:to|onto) the (?:ground|floor)",
        r"(?:повалил|бросил|швырнул|уложил)\w* (?:\w+ )?(?:на|лицом в) (?:землю|пол|асфальт|снег)",
        r"таскал\w* (?:\w+ )?за волосы",
        r"clubbed",
        r"(?:excessive|disproportionate|brutal|unlawful) force",
        r"(?:poured|doused|splashed) (?:\w+ ){0,3}?(?:cold |icy |boiling |hot )?water",
        r"(?:left|kept|held) (?:\w+ ){0,2}?without (?:food|water|sleep|heating)",
        r"(?:синяк|ссадин|гематом|кровоподтек|кровоподтёк)\w*",
        r"(?:roughed|beat) up",
        r"(?:brutally|badly|severely) (?:treated|dispersed|attacked|assaulted)",
        r"(?:overcrowded|unheated|freezing|filthy|cold) cells?",
        r"(?:handcuffed|chained|shackled) to",
        r"blindfolded",
        r"жестоко (?:обращ|разогна|избива)\w*",
        r"(?:не оказывали|не оказали|отказывали в|отказали в) (?:\w+ )?медицинск\w* помощ\w*",
        r"(?:нарушени\w* )?услови\w* содержания",
        r"(?:без|отсутстви\w*) (?:\w+ )?медицинск\w* помощ\w*",
        r"dragged (?:\w+ ){0,3}?by (?:their|his|her|the) hair",
        r"(?:head|serious|severe|bodily|multiple) injur\w*",
        r"broken (?:ribs|bones|fingers|nose|jaw|arms?|legs?)",
        r"use of (?:excessive |physical )?force",
        r"(?:сломал\w*|переломал\w*|переломы) (?:\w+ )?(?:ребр|нос|челюст|пальц|рук|ног)\w*",
        r"(?:punishment|isolation|disciplinary) cells?",
        r"solitary confinement",
        r"(?:tear gas|pepper spray|rubber bullets|stun grenades|water cannons?|batons)\b",
        r"спецсредств\w*",
        r"(?:шизо|штрафн\w* изолятор\w*|карцер\w*)",
        r"(?:слезоточив\w* газ\w*|резинов\w* пул\w*|светошумов\w* гранат\w*)",
        r"denied (?:\w+ )?(?:food|water|sleep|medical (?:care|help|treatment)|medicine|toilet)",
        r"заставил\w* (?:\w+ )?(?:раздеться|стоять|приседать|ползать|кричать|лечь)",
        r"облил\w* (?:\w+ )?(?:водой|бензином|кипятком)",
        r"(?:лишал\w*|не давал\w*) (?:\w+ )?(?:сна|еды|воды|пищи)",
        r"with (?:batons|truncheons|rifle butts|clubs|sticks|pipes|rubber batons|fists)",
        r"дубинк(?:ами|ой|и)\b",
        r"(?:ударил\w*|пинал\w*|удары|ударами)\b",
        r"(?:was|were|been|being) (?:\w+ly )?(?:hit|struck|kicked|slapped|dragged)\b",
        r"hit (?:him|her|them|us|me|with)\b",
        r"(?:forced|made|ordered|compelled) to (?:stand|kneel|squat|crouch|lie|sit|strip|crawl)\b",
        r"stress positions?",
        r"(?:severe|brutal|savage|repeated) beat\w*",
        r"физическ\w* сил\w*",
        r"(?:сломал\w*|переломал\w*) (?:ему|ей|им|мне|нам) ",
        r"beat(?:en|ing|ings)\b",
        r"beat (?:him|her|them|us|me)\b",
        rf"ill[- ]treat{_W}",
        rf"mistreat{_W}",
        rf"humiliat{_W}",
        r"degrading treatment",
        r"kicked",
        r"punched",
        r"physical(?:ly)? abuse" + _W,
        r"cruel treatment",
        r"inhuman",
        r"attacked",
        r"assault(?:ed|s)?\b",
        r"напал(?:и|а)?\b",
        rf"нападени{_W}",
        rf"избит{_W}",
        rf"избил{_W}",
        rf"избива{_W}",
        rf"избиени{_W}",
        r"побо(?:и|ев|ями)\b",
        rf"издевател{_W}",
        rf"издевал{_W}",
        rf"унижени{_W}",
        rf"унижал{_W}",
        r"жесток(?:ое|ого|им) обращени" + _W,
        r"били\b",
    ),
    "arbitrary_detention": (
        r"administrative (?:sentence|arrest|detention)",
        r"locked (?:\w+ )?in (?:a |the )?(?:cell|basement|room|cage|garage)",
        r"filtration (?:camps?|points?|centres?|centers?)",
        r"фильтрац\w*",
        r"serving (?:a |his |her |their )?(?:[\w-]+ )?(?:sentence|prison term|term)\b",
        r"(?:приговор[её]н|осужд[её]н)\w* (?:\w+ ){0,3}?(?:к|на) (?:\w+ ){0,3}?(?:лишени\w* "
        r"свободы|колони\w*|заключени\w*|годам|года|лет|месяц\w*|суткам|суток)\b",
        r"отбыва\w* (?:\w+ )?(?:срок|наказани)\w*",
        r"behind bars",
        r"locked (?:\w+ )?up",
        r"sentenced (?:\w+ ){0,6}?(?:prison|jail|imprisonment|years?|months?|colony|detention)\b",
        r"(?:приговорил|осудил)\w* (?:\w+ ){0,4}?(?:к|на) (?:\w+ ){0,3}?(?:лишени\w* свободы|"
        r"колони\w*|заключени\w*|годам|года|лет|месяц\w*|суткам|суток)\b",
        r"без связи с внешним миром",
        r"(?:водворил|водворен)\w*",
        r"(?:in )?for questioning",
        r"political prisoners?",
        r"политзаключ\w*",
        r"политическ\w* заключ\w*",
        r"picked up by (?:the )?(?:police|officers|security)",
        r"(?:placed|put|remanded|kept) (?:in|into) (?:police )?custody",
        r"remand\w*",
        r"(?:сизо|ивс|спецпри[её]мник\w*)\b",
        r"(?:was|were|been|being) (?:\w+ly )?(?:held|kept|locked up)\b",
        r"held (?:for|in|at|on)\b",
        r"(?:taken|brought|driven) to (?:a |the )?(?:[\w-]+ ){0,2}?" + _CUSTODY_EN,
        r"доставл\w* (?:\w+ ){0,2}?в (?:\w+ )?" + _CUSTODY_RU,
        r"доставил\w* (?:\w+ ){0,2}?в (?:\w+ )?" + _CUSTODY_RU,
        rf"detain{_W}",
        rf"detention{_W}",
        rf"arrest{_W}",
        r"rounded up",
        r"round-?ups?",
        r"taken into custody",
        rf"imprison{_W}",
        r"jailed",
        r"secret prisons?",
        r"held (?:incommunicado|without charge|in (?:a |an )?(?:secret|unofficial|former))",
        r"(?:was|were|been) released\b",
        r"продержал" + _W,
        r"отпустили\b",
        r"задерж(?:ан|ал|ив|ани|ать|ат|ива)" + _W,
        rf"арест{_W}",
        r"под стражу",
        r"(?:секретн|тайн|незаконн)\w* тюрьм" + _W,
        r"удерживал" + _W,
        r"лишени\w* свободы",
        r"содержал(?:и|ись|ся|ась)? (?:в|под)\b",
    ),
    "enforced_disappearance": (
        r"(?:nobody|no one) knows what (?:has )?happened to",
        r"никто не знает,? что с (?:ним|ней|ними)",
        r"(?:location|whereabouts|fate) (?:is|are|remains?|was|were) (?:still )?(?:unknown|"
        r"unclear|undisclosed|not known)",
        r"(?:not|never) (?:officially )?acknowledged (?:holding|detaining|his|her|their)",
        r"не сообща\w*,? в как\w+ (?:учреждении|изоляторе|отделе|сизо|колонии|месте)",
        r"(?:отказыва\w* (?:сообщ|говор|сказ)\w*|не сообща\w*|не говор\w*),? где (?:он|она|они|"
        r"его|её|ее|их|находится|находятся|содерж)\w*",
        r"(?:been )?missing since",
        r"(?:его|её|ее|их) (?:больше |с тех пор |уже )?никто не видел",
        r"(?:nobody|no one) has seen (?:him|her|them) since",
        r"пропал(?:а|и)? (?:сразу |вскоре )?после (?:\w+ )?(?:задержани|ареста|допроса|вызова)\w*",
        r"nothing (?:has been|was) heard (?:from|of)",
        r"(?:does|do|did) not know where (?:he|she|they) (?:is|are|was|were)",
        r"den(?:y|ies|ied|ying) (?:holding|detaining|having (?:detained|arrested))",
        r"refus\w* to (?:say|disclose|confirm|acknowledge|reveal) (?:where|whether|his|her|their)",
        r"no (?:official )?record of (?:his|her|their) (?:detention|arrest)",
        r"(?:lost|losing) (?:all )?contact with",
        r"(?:never|did not|didn\'t|has not|have not) (?:come|returned|return) home",
        r"(?:отрица|не призна|не подтвержда)\w* (?:сам \w+ |\w+ )?(?:факт\w* )?(?:его |её |ее |их "
        r")?задержани\w*",
        r"не вернул(?:ся|ась|ись) домой",
        r"не (?:знают|знает|известно),? где (?:он|она|они|его|её|ее|их)\b",
        r"(?:nobody|no one) (?:would|could|will|can) (?:tell|say) (?:\w+ )?where",
        r"(?:has|have) not been seen (?:by (?:\w+ ){1,3}?)?(?:since|for)\b",
        r"no contact with (?:him|her|them) (?:since|for)",
        r"(?:не выходит|не выходят|перестал\w* выходить) на связь",
        r"связь с (?:ним|ней|ними) (?:пропала|потеряна|прервалась)",
        r"(?:nobody|no one) knows where",
        r"никто не знает,? где",
        r"unaccounted for",
        r"(?:neither|none|nobody|no one)(?: of them)? (?:has|have) been (?:heard from|seen)",
        r"nothing (?:is|has been) (?:known|heard) (?:of|about)",
        r"(?:судьб|местонахождени)\w*(?:\s+\S+){0,5}?\s+ничего не (?:знают|известно)",
        r"ничего не (?:знают|известно|сообщают|слышно) о (?:\w+ )?(?:судьб|местонахожд)\w*",
        r"vanished",
        r"(?:without|no) (?:a )?trace",
        r"бесследно",
        r"сведени\w* о (?:\w+ )?(?:судьб|местонахожд)\w*",
        r"fate (?:\S+ ){0,5}?(?:unknown|unclear|remains? unknown)",
        r"(?:no|any) (?:information|news) (?:about|on|of) (?:their|his|her) whereabouts",
        r"судьб\w*(?:\s+\S+){0,4}?\s+(?:неизвестн|не известн)\w*",
        r"не (?:могут|можем|может|смогли|смог|смогла|удалось|удается) (?:\w+ )?найти",
        r"пропавш(?:их|ие|ий|его|ему|им|ими)\b",
        r"disappear(?:ed|ance|ances)\b",
        r"(?:went|remain|remains|still|are|were|is|was|reported|gone) missing",
        r"missing (?:men|women|people|persons?|man|woman|relatives?|sons?|brothers?|husbands?|"
        r"children|detainees?)\b",
        r"whereabouts(?:\s+\S+){0,4}?\s+unknown",
        r"(?:not|never) been heard from",
        r"no news (?:of|from)",
        r"whereabouts (?:remain |are |is )?unknown",
        r"(?:remain|remains|still) missing",
        rf"forcibly disappear{_W}",
        rf"исчез(?:ли|ла|нов|л|нувш){_W}",
        r"пропал(?:и|а)? без вести",
        r"пропавш\w* без вести",
        r"местонахождени\w*(?:\s+\S+){0,4}?\s+(?:неизвестн|не установлен)\w*",
    ),
    "abduction": (
        r"took (?:him|her|them|me|us) (?:away )?from (?:his|her|their|my|our) (?:home|house|flat|"
        r"apartment|workplace|office|work|car|bed)",
        r"seized (?:\w+ ){0,3}?(?:men|women|people|workers|activists|journalists|civilians|"
        r"villagers|him|her|them|me|us)\b",
        r"(?:taken|picked up|led) (?:away )?by (?:armed|masked|unidentified|unknown) (?:\w+ "
        r")?(?:men|gunmen|people|individuals|persons)",
        r"увел\w* в неизвестном направлении",
        r"(?:men|people|officers) in (?:masks|balaclavas|camouflage|plain ?clothes|civilian "
        r"clothes) (?:\w+ )?(?:took|seized|grabbed|bundled|dragged|forced|pushed|shoved)",
        r"grabbed (?:him|her|them|me|us)? ?(?:off|from) the street",
        r"(?:masked|armed|unidentified|unknown) (?:\w+ )?(?:men|gunmen|people|individuals) (?:\w+ "
        r")?(?:took|seized|grabbed|bundled|dragged|forced)",
        r"taken hostage",
        r"(?:люди|лица|мужчины) в (?:масках|камуфляже|форме) (?:\w+ )?(?:увезли|забрали|схватили|"
        r"затолкали|вывели)",
        r"(?:неизвестн|вооруж)\w* (?:\w+ )?(?:увезли|забрали|схватили|затолкали)",
        r"taken (?:away )?from (?:his|her|their|our|my|the) (?:home|house|flat|apartment|car)",
        r"forcibly (?:took|taken|seized|dragged)",
        r"(?:took|taken|take|taking) away\b",
        r"took (?:\w+ ){1,3}?away\b",
        r"(?:bundled|forced|pushed|dragged|thrown|shoved) into (?:a |an |their |the )?"
        r"(?:[\w-]+ )?(?:car|van|vehicle|minibus|jeep|truck)",
        r"took (?:me|him|her|them|us)(?: and [\w ]{1,30}?)? (?:away|across|into a)",
        r"вывез(?:ли|ен|ена|ены)? (?:\w+ )?(?:в лес|в горы|в поле|за город|в неизвестн)",
        r"(?:схватили|затолкали|запихнули) (?:\w+ )?в (?:машину|автомобиль|микроавтобус)",
        rf"abduct{_W}",
        rf"kidnap{_W}",
        r"snatched",
        r"(?:was|were) seized\b",
        r"(?:driven|taken) to an unknown (?:location|place|destination)",
        r"увез(?:ли|ен|ены|ена)? в неизвестном направлении",
        r"taken away by",
        rf"похи[тщ]{_W}",
        r"увез(?:ли|ен|ены|ена)\b",
    ),
    "forced_displacement": (
        r"told (?:\w+ ){0,2}?to leave (?:the|their|his|her) (?:region|country|city|town|village|"
        r"republic|homes?)",
        r"(?:villages?|towns?|neighbou?rhoods?|districts?|settlements?) (?:was|were|had been) "
        r"(?:emptied|depopulated|cleared of)",
        r"(?:вывезли|вывезены|вывезен\w*) (?:\w+ ){0,3}?(?:в Россию|на территорию России|в "
        r"Беларусь|за границу|в другую страну)",
        r"ordered (?:\w+ ){0,2}?out of (?:the|their|his|her)\b",
        r"(?:had|forced|made|compelled) to abandon",
        r"вынудил\w* (?:\w+ )?(?:уехать|покинуть|бежать|переехать)",
        r"given (?:\w+ ){0,3}?to (?:leave|vacate|get out)\b",
        r"forced (?:out )?(?:of|from) (?:their|his|her|our|my) (?:homes?|houses?|villages?|land)",
        r"(?:sought|seek|seeking|found|granted|given) (?:political )?(?:refuge|asylum)",
        r"убежищ\w*",
        rf"extradit{_W}",
        r"экстрадир\w*",
        r"экстрадици\w*",
        r"emptied of (?:their|its) (?:residents|inhabitants|population)",
        r"выгнал\w* (?:\w+ )?из (?:дом|квартир|сел|город|республик|страны)\w*",
        r"forcibly (?:transferred|displaced|deported|expelled|moved)",
        r"(?:barred|prevented|banned) from (?:returning|going back)",
        r"(?:right of|their|the) return (?:was |were |is )?denied",
        r"(?:not|never|unable) (?:been |be )?(?:able |allowed |permitted )?to (?:return|go back)",
        r"internally displaced",
        r"IDPs?\b",
        r"(?:принудительно|насильственно) (?:выдвор|выслан|высл|переселен|переселил|депортир|"
        r"вывез)\w*",
        r"(?:не дают|не разрешают|запрещают|не пускают) (?:\w+ )?(?:вернуться|возвращаться)",
        r"спасаясь от",
        r"refugees?\b",
        r"беженц\w*",
        r"беженк\w*",
        r"forced out\b",
        r"uproot\w*",
        r"выдвор\w*",
        r"forced [^.]{0,60}? from (?:their|his|her) (?:homes?|houses?|villages?|land)",
        r"(?:sent|pushed|forced|driven|drove|took|taken|deported|expelled)(?: \w+)? back "
        r"(?:to|across|over|into)\b",
        r"pushed (?:\w+ )?(?:across|over) the border",
        r"forcibly returned",
        r"refoul\w*",
        r"driven (?:out of|from) (?:their|his|her) ",
        r"fled",
        r"flee(?:ing|s)?\b",
        r"forced to (?:leave|flee)",
        rf"displace{_W}",
        rf"expell{_W}",
        rf"evict{_W}",
        rf"deport{_W}",
        r"forcibly (?:removed|relocated)",
        r"into exile",
        r"left (?:the|their|his|her|our|my|its) (?:city|town|village|country|region|republic|"
        r"homes?|houses?|land)",
        r"покинул(?:и|а)?\b",
        rf"evacuat{_W}",
        r"ordered\b[^.]{0,60}?\bto leave",
        r"not allowed to return",
        rf"эвакуир{_W}",
        rf"эвакуаци{_W}",
        r"(?:вы|у)ехал(?:и|а)? (?:из|за)\b",
        r"запретили возвращаться",
        r"had to leave",
        r"бежал(?:и|а)?\b",
        r"бежать",
        r"вынужден\w* (?:покинуть|уехать|бежать|покинули)",
        rf"выселен{_W}",
        rf"выселил{_W}",
        rf"депортир{_W}",
        rf"выслан{_W}",
        rf"изгнан{_W}",
        r"покинул(?:и|а)? (?:республику|страну|регион|родину|дом|дома)",
    ),
    "sexual_violence": (
        r"forced nudity",
        r"sexual(?:ly)? (?:torture|tortured|exploited|exploitation|harassed|harassment)",
        r"(?:forced|made) to (?:\w+ )?(?:undress|strip) (?:naked|in front)",
        r"сексуальн\w* (?:пытк|надругательств|эксплуатаци)\w*",
        r"rap(?:e|ed|es|ing)\b",
        r"sexual(?:ly)? (?:violence|assault|abuse|abused|humiliation)",
        rf"изнасил{_W}",
        r"сексуальн\w* (?:насили|домогательств|унижени)" + _W,
    ),
    "threats_intimidation": (
        r"(?:требовал|заставля|принужда|склоня)\w* (?:\w+ )?(?:дать|давать|подписать) (?:\w+ "
        r")?показани\w* против",
        r"(?:saying|said|told \w+|warning|warned \w+) (?:that )?(?:he|she|they|you|his|her|their) "
        r"(?:\w+ )?would be (?:killed|arrested|detained|jailed|imprisoned|harmed|hurt|beaten|"
        r"raped)",
        r"(?:говорил|сказал|пообещал|обещал|предупредил|писал)\w*,? что (?:\w+ ){0,3}?(?:убьют|"
        r"посадят|сожгут|арестуют|задержат|изнасилуют|заберут|похитят|уволят)",
        r"told (?:\w+ ){0,2}?to stop (?:\w+ ){0,2}?(?:reporting|writing|working|campaigning|"
        r"posting|speaking)",
        r"(?:told|warned|ordered|advised) (?:\w+ ){0,2}?to (?:withdraw|drop|retract) (?:\w+ "
        r")?(?:complaint|statement|case|testimony|application)",
        r"(?:forced|pressured|made) to (?:withdraw|retract|drop)",
        r"(?:under|placed under|put under) (?:\w+ )?surveillance",
        r"(?:вынудил|заставил|принудил)\w* (?:\w+ ){0,2}?(?:отказаться|забрать|отозвать)\w*",
        r"профилактическ\w* бесед\w*",
        r"(?:told|warned|ordered) (?:\w+ ){0,2}?to (?:keep quiet|stay silent|keep silent|"
        r"keep their mouths shut)",
        r"(?:велел\w*|сказал\w*|предупредил\w*) (?:\w+ ){0,2}?молчать",
        r"(?:forced|made|compelled|pressured) to (?:\w+ ){0,3}?(?:public )?apolog\w*",
        r"(?:заставил\w*|вынудил\w*|принудил\w*) (?:\w+ ){0,4}?(?:публично )?извин\w*",
        r"(?:put|putting|puts) pressure on",
        r"pressured\b",
        rf"threat{_W}",
        rf"intimidat{_W}",
        rf"harass{_W}",
        r"warned (?:him|her|them|that)",
        r"угроз(?:а|ы|ами|ам|у|ой)?\b",
        rf"угрожа{_W}",
        rf"запуг{_W}",
        r"давлени" + _W,
    ),
    "extortion": (
        r"in exchange for (?:his|her|their|the) release",
        r"took [0-9][0-9,. ]* (?:dollars|euros|roubles|rubles|lari|manats|tenge|soms?|somoni|"
        r"hryvnias?) from",
        r"demand(?:ed|ing) (?:a |an )?(?:money|bribes?|payments?|ransom|fee)\b",
        r"protection money",
        r"(?:demanded|demanding|extracted|took) (?:a )?bribes?",
        r"(?:требовал|вымогал|брал)\w* (?:\w+ )?(?:взятк|дан[ьи]|откуп)\w*",
        r"(?:привез|привёз|принес|принёс|передал|отдал)\w* (?:\w+ ){0,2}?[0-9][0-9 ]*"
        r"(?:тысяч\w* )?(?:рубл|доллар|евро)\w*",
        r"hand over (?:their|his|her|the) (?:money|bank cards|cards|savings|salar\w+|wages)",
        rf"pay (?:a |an |the )?(?:[0-9][0-9,. ]*\s*)?(?:{_CURRENCY}|bribes?|ransom)\b",
        rf"demanded [0-9][0-9,. ]*\s*(?:{_CURRENCY})\b",
        rf"extort{_W}",
        r"ransom",
        r"(?:по)?требовал\w* (?:\S+ ){0,3}?(?:рубл|доллар|евро|денег|деньги)\w*",
        r"paid [0-9][0-9,. ]* (?:roubles|rubles|dollars|euros|manats|lari)\b",
        r"заплатил(?:и|а)?\b",
        rf"blackmail{_W}",
        r"demanded (?:money|a bribe|payment)",
        rf"вымогател{_W}",
        rf"вымога{_W}",
        r"выкуп" + _W,
        rf"шантаж{_W}",
        r"требовали (?:деньги|денег|заплатить)",
    ),
    "property_destruction": (
        r"reduced to (?:rubble|ashes|ruins)",
        r"(?:превратил\w*|превращены|превращен\w*) в (?:руины|пепелище|развалины)",
        r"сровнял\w* с земл\w*",
        r"burn(?:ed|t) (?:\w+ ){0,2}?(?:crops|fields|harvests?|homes?|houses?|cars?|property|"
        r"shops?)\b",
        r"bombed (?:\w+ ){0,3}?(?:homes?|houses?|shops?|villages?|schools?|hospitals?|mosques?|"
        r"churches|buildings?|markets?)\b",
        r"обстрел\w* (?:\w+ ){0,2}?(?:дом|жил|сел|школ|больниц|мечет|рын)\w*",
        r"(?:destruction|demolition|burning|shelling|looting) of (?:\w+ ){0,2}?(?:homes?|houses?|"
        r"property|shops?|villages?|schools?|mosques?|churches|buildings?|businesses)",
        r"(?:destroyed|damaged|wrecked|flattened|shelled) (?:\w+ ){0,3}?(?:homes?|houses?|"
        r"property|shops?|villages?|schools?|mosques?|churches|buildings?|businesses|farms?|"
        r"crops)\b",
        r"blew up",
        r"(?:сгорел|разрушен|уничтожен|поврежден|поврежд)\w* (?:\w+ ){0,3}?(?:дом|жил|имуществ|"
        r"школ|мечет|церкв|магазин|здани)\w*",
        r"(?:уничтожил|уничтожено|уничтожены|повредил)\w* (?:\w+ ){0,2}?(?:дом|жил|имуществ|школ|"
        r"мечет|церкв|магазин|здани|посев|скот)\w*",
        r"(?:дом|дома|домов|квартир\w*|машин\w*|автомобил\w*|"
        r"имуществ\w*)(?:\s+\w+){0,2}?\s+(?:сгорел\w*|сгорели|выгорел\w*)",
        r"ransack\w*",
        r"vandali[sz]\w*",
        r"smash\w* (?:\w+ ){0,2}?(?:windows?|doors?|cars?|furniture|equipment|gates?)",
        r"(?:разбил\w*|повредил\w*|поврежден\w*) (?:\w+ )?"
        r"(?:окн|стекл|машин|автомобил|двер|дом|имуществ)\w*",
        rf"(?:{_PROPERTY})(?: and (?:an? |the )?[\w-]+(?: [\w-]+)?)? "
        r"(?:were|was|had been|have been) (?:destroyed|demolished|burned|burnt|torched|razed|"
        r"looted|set on fire|shelled)",
        r"(?:с|вы)ломал\w* (?:\w+ ){0,2}?(?:двер|ворот|окн|замк|мебел|забор)\w*",
        r"burn(?:ed|t) (?:down|out)",
        r"torched",
        rf"demolish{_W}",
        r"bulldoz" + _W,
        r"set (?:on )?(?:fire|alight)",
        r"arson",
        r"destroyed (?:the |their |his |her )?(?:homes?|houses?|property|shops?)",
        r"сожгли",
        r"сожжен" + _W,
        r"поджог" + _W,
        r"подожгли",
        r"снесли",
        r"снос\w* дом" + _W,
        r"разрушил(?:и|а)?\b",
        r"разрушен" + _W,
        r"взорвали",
        r"(?:homes?|houses?|buildings?|property|shops?|villages?) (?:were|was|had been|have been)"
        r" (?:destroyed|demolished|burned|burnt|torched|razed|looted)",
        r"looted",
        r"razed",
    ),
}
_PATTERN = re.compile(
    "|".join(
        f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
        for category, triggers in _TRIGGERS.items()
    ),
    re.IGNORECASE,
)


@cache
def huridocs_code(category: str) -> str:
    return vocab.load("act_types").get(category).code


def _trigger_prefixes() -> frozenset[str]:
    prefixes: set[str] = set()
    for triggers in _TRIGGERS.values():
        for trigger in triggers:
            found = anchors.leading_prefixes(trigger)
            if found is None:
                raise AssertionError(f"trigger {trigger!r} has no literal start to anchor on")
            prefixes |= found
    return frozenset(prefixes)


_PREFIXES = _trigger_prefixes()


def could_start_trigger(word: str) -> bool:
    return word[:2] in _PREFIXES


def _patterns_by_prefix() -> dict[str, re.Pattern[str]]:
    """``_PATTERN`` cut down, for each first two letters, to the triggers that can start so.

    At a word only the triggers that can start with its letters are tried: the same matches
    as ``_PATTERN`` (alternatives keep their order), for a fraction of the work per word.
    """
    by_prefix: dict[str, dict[str, list[str]]] = {}
    for category, triggers in _TRIGGERS.items():
        for trigger in triggers:
            for prefix in anchors.leading_prefixes(trigger) or ():
                by_prefix.setdefault(prefix, {}).setdefault(category, []).append(trigger)
    return {
        prefix: re.compile(
            "|".join(
                f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
                for category, triggers in table.items()
            ),
            re.IGNORECASE,
        )
        for prefix, table in by_prefix.items()
    }


_BY_PREFIX = _patterns_by_prefix()


def trigger_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PATTERN`` that start at a word, without overlaps, in text order."""
    last_end = 0
    for start in anchors.starts(text, could_start_trigger):
        if start < last_end:
            continue
        match = _BY_PREFIX[text[start : start + 2].lower()].match(text, start)
        if match is not None and match.end() > match.start():
            last_end = match.end()
            yield match


# An act only threatened, attempted or wished is not the act: "threatened to kill her",
# «угрожали убить», "tried to abduct". A threat is still a threat (its own trigger fires).
_NOT_DONE = re.compile(
    r"(?:(?:risk|danger|fear|prevention|prohibition|absence)s? of|ban on|free(?:dom)? from|"
    r"no (?:evidence|signs?|trace|record) of|(?:риск\w*|опасност\w*|предотвращени\w*|запрет\w*)|"
    r"threat\w*|tried|trying|attempt\w*|wanted|plans?|planned|promised|"
    r"(?:would|will|could|might)(?:\s+(?:be|have(?:\s+been)?))?|"
    r"угрожал\w*|пытал(?:ся|ась|ись)|пытаются|хотел\w*|собирал\w*|обещал\w*|будут|будет)"
    r"\s+(?:to\s+|with\s+)?$",
    re.IGNORECASE,
)


# An act said not to have happened, or denied, is not alleged by the text: "was not
# detained", "no one was killed", «никого не задержали», "denied that he had been beaten",
# «отрицают, что его избили». The words must stand right before the trigger, in its clause.
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no one|nobody|none)\s+(?:(?:was|were|been|being|be|has|have|had)\s+)*"
    r"|(?<![\w-])(?:не|ни|никого|никто)\s+(?:(?:был[аио]?|было|стали?)\s+)?"
    r"|\b(?:denied|denies|deny|denying|отрица\w*|опроверг\w*)\b[^.;!?]{0,40}?)$",
    re.IGNORECASE,
)


# A negation inside a condition states the demand, not a denial: "if my family did not pay".
_CONDITION = re.compile(r"\b(?:if|unless|если|иначе)\b", re.IGNORECASE)


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")


def _not_alleged(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    if _NOT_DONE.search(before[-25:]):
        return True
    negation = _NEGATED.search(before)
    return negation is not None and not _CONDITION.search(before[: negation.start()][-30:])


def find_acts(text: str) -> Iterator[ActClaim]:
    found: list[ActClaim] = []
    for match in trigger_matches(text):
        category = match.lastgroup
        if category is None or _not_alleged(text, match.start()):
            continue
        if _CYRILLIC_WORD.fullmatch(match[0]) and is_future(match[0].lower()):
            continue  # «задержат», «сожгут»: a threat or a plan
        found.append(_claim(text, match.start(), match.end(), category, "trigger"))
    # Russian words by lemma and English words by family, where no pattern took the word.
    taken = SpanIndex((claim.start, claim.end) for claim in found)
    by_word = [(*hit, "lemma") for hit in find_lemma_acts(text)]
    by_word += [(*hit, "family") for hit in find_english_word_acts(text)]
    for start, end, category, how in by_word:
        if not taken.overlaps(start, end) and not _not_alleged(text, start):
            found.append(_claim(text, start, end, category, how))
    yield from sorted(found, key=lambda claim: claim.start)


def _claim(text: str, start: int, end: int, category: str, how: str) -> ActClaim:
    return ActClaim(
        start=start,
        end=end,
        text=text[start:end],
        rule=f"act.{how}.{category}",
        confidence=0.7,
        category=category,
        huridocs_code=huridocs_code(category),
    )
