package uk.gov.accessledger.devidp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form and a home page that says what this is. */
@Controller
class SignInController {

    private final DevIdpProperties properties;

    SignInController(DevIdpProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("citizens", DemoCitizen.ALL);
        model.addAttribute("password", properties.password());
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        return login(model);
    }
}
