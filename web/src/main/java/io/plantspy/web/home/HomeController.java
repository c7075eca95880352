package io.plantspy.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: a sign-in button for visitors, the pages their roles open for signed-in users. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
