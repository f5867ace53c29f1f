namespace Recruitment.Web.Localization;

/// <summary>
/// Where each refusal belongs on a form and what it means in plain words, by the server's stable
/// <c>code</c>. The server's own <c>detail</c> is always shown as well; this adds the field to put it
/// next to and, for eligibility rules, the rule and what the applicant can do about it.
/// </summary>
public static class Refusals
{
    public sealed record Explanation(string Field, string? Rule, string Zh, string En);

    /// <summary>The field a refusal concerns ("" when it concerns the whole form).</summary>
    public static string FieldOf(string? code) => code is not null && Table.TryGetValue(code, out var e) ? e.Field : "";

    public static Explanation? Explain(string? code) => code is not null && Table.TryGetValue(code, out var e) ? e : null;

    /// <summary>
    /// The explanation a member of staff reads: the same table, except where the applicant's words would mislead
    /// (an applicant's "application.not_found" means "you have not applied"; staff followed a wrong link).
    /// </summary>
    public static Explanation? ExplainForStaff(string? code) =>
        code is not null && Table.TryGetValue("staff:" + code, out var e) ? e : Explain(code);

    private static readonly Dictionary<string, Explanation> Table = new()
    {
        // registration and sign-in
        ["account.invalid_document_number"] = new("documentNumber", "ENR-09",
            "证件号码不符合规则：身份证号为18位，含有效出生日期和正确的校验位；其他证件为5-20位字母或数字。",
            "The document number is not valid: a resident ID has 18 characters with a real birth date and the right check character; other documents have 5 to 20 letters or digits."),
        ["account.unknown_document_type"] = new("documentType", "ENR-09", "请选择证件类型。", "Choose the type of document."),
        ["account.name_required"] = new("name", null, "请填写姓名（最多50个字）。", "Enter your name (at most 50 characters)."),
        ["account.invalid_mobile"] = new("mobile", "ENR-12", "手机号须为11位、以1开头的大陆手机号。", "The mobile number must be a mainland number: 11 digits starting with 1."),
        ["account.weak_password"] = new("password", null, "密码须为8-128位，且同时包含字母和数字。", "The password needs 8 to 128 characters with at least one letter and one digit."),
        ["account.exists"] = new("documentNumber", "ENR-09", "该证件号码已注册，请直接登录。", "An account with this document number exists already: sign in instead."),
        ["auth.invalid_credentials"] = new("password", null, "证件号或密码不正确。", "The ID number or password is wrong."),
        ["auth.credentials_required"] = new("login", null, "请填写证件号和密码。", "Enter your ID number and password."),
        ["auth.login_required"] = new("login", null, "请填写证件号码。", "Enter your document number."),
        ["auth.invalid_reset_code"] = new("code", null, "验证码错误、已过期或已用完（10分钟内有效，最多试5次），请重新获取。", "The code is wrong, expired or used up (valid 10 minutes, 5 tries): ask for a new one."),
        ["auth.reset_fields_required"] = new("", null, "请填写证件号码、验证码和新密码。", "Enter your document number, the code and a new password."),
        ["auth.password_unchanged"] = new("newPassword", null, "新密码不能与当前密码相同。", "The new password must differ from the current one."),
        ["auth.account_locked"] = new("", null, "登录失败次数过多，账号暂时锁定；请稍后再试或重设密码。", "Too many failed sign-ins: the account is locked for a while. Wait or reset the password."),

        // on-site appointments (ENR-07)
        ["appointment.slot_full"] = new("slot", "ENR-07", "该时段已约满，请选择其他时段。", "This slot is full: choose another."),
        ["appointment.slot_started"] = new("slot", "ENR-07", "该时段已开始，不能再预约、改约或取消。", "The slot has started: it cannot be booked, moved or cancelled any more."),
        ["appointment.not_approved"] = new("slot", "ENR-07", "报名审核通过、等待现场确认时才能预约。", "Only an approved application awaiting on-site confirmation books a slot."),
        ["appointment.wrong_base"] = new("slot", "ENR-07", "只能预约您报考基地的时段。", "Book a slot of the base you applied to."),
        ["appointment.slot_not_found"] = new("slot", "ENR-07", "该时段已不存在，请刷新后重选。", "This slot no longer exists: reload and choose again."),

        // photo (ENR-11)
        ["photo.size_out_of_range"] = new("photo", "ENR-11", "照片文件大小须在150KB至300KB之间（153,600至307,200字节）。", "The photo file must be 150 KB to 300 KB (153,600 to 307,200 bytes)."),
        ["photo.unsupported_format"] = new("photo", "ENR-11", "只接受JPEG或PNG格式的照片。", "Only JPEG or PNG photos are accepted."),
        ["photo.corrupt"] = new("photo", "ENR-11", "照片文件已损坏或无法解码，请重新导出后上传。", "The photo file is damaged or cannot be decoded; export it again and upload."),

        // profile (ENR-10, ENR-15)
        ["profile.edit_closed"] = new("", "ENR-15", "报名已截止，个人信息已锁定；如需更正，请在现场确认时联系基地工作人员。", "Registration has closed and your data is frozen; base staff can correct it during on-site confirmation."),
        ["profile.invalid"] = new("", "ENR-10", "个人信息格式有误。", "The profile data is malformed."),

        // application (ENR-08, ENR-13..ENR-28)
        ["application.window_closed"] = new("", "ENR-08", "当前不在网上报名时间内，只能在报名期间提交或修改报名。", "Applications can be submitted or changed only while online registration is open."),
        ["application.choice_required"] = new("choice", "ENR-13", "请选择一个培训基地和一个专业。", "Choose one training base and one specialty."),
        ["application.unknown_cell"] = new("choice", "ENR-13", "所选基地与专业不属于本年度招收计划。", "This base and specialty are not part of this year's plan."),
        ["application.cell_not_offered"] = new("choice", "ENR-03", "该基地本年度不招收该专业（计划表中为“/”），请换一个基地或专业。", "This base does not recruit this specialty this year (\"/\" in the quota table): choose another base or specialty."),
        ["application.other_specialty_required"] = new("otherSpecialty", "ENR-06", "报考“其他”专业时须写明具体专业基地。", "An OTHER application names the specialty base."),
        ["application.other_split_pending"] = new("choice", "ENR-06", "该基地尚未公布“其他”名额的分配，暂不能报考。", "This base has not yet published how it splits its OTHER places."),
        ["application.other_specialty_not_offered"] = new("otherSpecialty", "ENR-06", "该基地的“其他”名额中没有这个专业。", "This base offers no OTHER places in that specialty."),
        ["application.invalid_category"] = new("category", "ENR-20", "请选择人员类别：委托培养或社会人。", "Choose a category: sponsored or independent."),
        ["application.profile_incomplete"] = new("", "ENR-10", "个人信息三部分尚未填写完整，请先补全“个人信息”页列出的各项。", "The three profile sections are not complete yet: fill in every item listed on the profile page first."),
        ["application.photo_required"] = new("", "ENR-11", "报名前须上传近期免冠照片。", "Upload a recent photo before applying."),
        ["application.duplicate"] = new("", "ENR-13", "同一证件号码本年度已有报名（每人只能报名一次）。", "This ID number already holds a registration this year (one per person)."),
        ["application.invalid_status"] = new("", "ENR-14", "当前状态下不能进行此操作。", "This cannot be done in the application's current status."),
        ["application.not_found"] = new("", null, "您还没有报名。", "You have not applied yet."),
        ["eligibility.declaration_required"] = new("declaration", "ENR-17", "须阅读并同意报名承诺。", "You must read and accept the declaration."),
        ["eligibility.academic_degree_excluded"] = new("", "ENR-23", "学术学位研究生（在读或最高学历）不在本次住院医师招收范围内。", "Academic-degree postgraduates (enrolled or as highest degree) are outside this residency recruitment."),
        ["eligibility.free_student_defaulter"] = new("", "ENR-25", "违约的农村订单定向免费医学生不能报名。", "Rural order-oriented free students who broke their agreement cannot apply."),
        ["eligibility.free_student_assistant_gp_only"] = new("", "ENR-26", "专科层次的订单定向生参加助理全科培训，不报住院医师。", "Junior-college free students train as assistant GPs, not residents."),
        ["eligibility.free_student_gp_only"] = new("choice", "ENR-25", "订单定向免费医学生只能报考全科专业。", "Free students apply for General Practice only."),
        ["eligibility.free_student_sponsored_only"] = new("category", "ENR-25", "订单定向免费医学生须以委托培养身份报名（由定向单位委托）。", "Free students apply as sponsored by their directed unit."),
        ["eligibility.adult_bachelor_requires_sponsored_practising"] = new("category", "ENR-24", "成人教育本科须以委托培养身份报名，并持有医师执业证书。", "An adult-education bachelor applies as sponsored and holds a physician practising certificate."),
        ["eligibility.education_not_qualifying"] = new("", "ENR-18", "须具有临床或口腔医学类全日制本科及以上学历，或持有医师资格证书。", "You need a full-time bachelor's degree or above in a clinical or stomatology major, or a physician qualification certificate."),
        ["eligibility.employer_required"] = new("employerName", "ENR-21", "委托培养人员须填写委托单位。", "A sponsored applicant names the employer that sponsors the training."),
        ["eligibility.sponsored_specialty_mismatch"] = new("currentSpecialty", "ENR-27", "委托培养人员须报考其在单位从事的专业。", "A sponsored applicant applies for the specialty they practise at their employer."),
        ["eligibility.independent_declaration_required"] = new("declaresNoEmployment", "ENR-22", "社会人须声明未与任何单位签订劳动合同。", "An independent applicant declares having no employment contract."),
        ["eligibility.reallocation_acceptance_required"] = new("acceptsReallocation", "ENR-28", "社会人须同意服从专业调剂。", "An independent applicant must accept specialty reallocation."),

        // leaving after admission (ENR-65)
        ["decline.reason_required"] = new("reason", "ENR-65", "请写明放弃录取的原因。", "Give the reason for declining."),
        ["decline.invalid_status"] = new("", "ENR-65", "只有已录取且尚未报到的学员可以放弃录取；录取前请改用撤回报名。", "Only an admitted trainee who has not reported declines; before admission, withdraw instead."),

        // the base admin console: review (ENR-30, ENR-31) and on-site confirmation (ENR-32, ENR-33)
        ["base.forbidden"] = new("", null, "基地管理员只能查看和处理本基地的报名；该页面属于其他基地，不显示其中的任何信息。", "A base admin sees and acts for their own base only; this page belongs to another base, so nothing of it is shown."),
        ["staff:application.not_found"] = new("", null, "没有这条报名记录，请从报名审核列表重新打开。", "There is no such application: open it again from the work queue."),
        ["review.reason_required"] = new("reason", "ENR-31", "审核不通过须写明理由，申请人会看到这一理由。", "A rejection states its reason; the applicant reads it."),
        ["review.identity_not_verified"] = new("identityVerified", "ENR-22", "社会人须先核验身份（勾选“身份已核验”）才能审核通过。", "Verify an independent applicant's identity (tick \"identity verified\") before approving."),
        ["review.free_student_record_required"] = new("freeStudent", "ENR-30", "订单定向免费医学生须先登记定向培养信息（FORM-07）才能审核通过。", "Record the free student's directed-training data (FORM-07) before approving."),
        ["review.invalid_free_student_record"] = new("freeStudent", "ENR-30", "登记信息不完整或有误：须填写姓名、有效的身份证号码、定向县，并核验定向就业协议。", "The record is incomplete or wrong: name, a valid resident ID number, the directed county, and the agreement checked."),
        ["review.deadline_passed"] = new("", "ENR-31", "资格审核已截止，不能再审核。", "The qualification review has closed."),
        ["confirmation.checklist_incomplete"] = new("checklist", "ENR-33", "还有必需材料未勾选（原件已核验、复印件已收取），全部勾选并保存后才能确认。", "Some required materials are not ticked yet (original seen, copy received); tick and save them all before confirming."),
        ["confirmation.window_closed"] = new("", "ENR-32", "当前不在现场确认时间内。", "On-site confirmation is not open now."),
        ["confirmation.exemption_form_required"] = new("", "EXM-04", "申请减免培训年限须填写减免申请表（FORM-05）。", "An exemption request needs the exemption form (FORM-05)."),
        ["checklist.unknown_item"] = new("checklist", "ENR-33", "清单中有该报名者不需要的材料，请刷新后重试。", "The list holds an item this applicant does not need: reload and try again."),

        // rounds (ENR-55)
        ["round.closed"] = new("", "ENR-55", "当前没有开放的调剂轮次。", "No round is open now."),
    };
}
